package dossierstats

import (
	"errors"
	"math"
)

// ErrUnknownUnit: the unit asked for does not exist on the site.
var ErrUnknownUnit = errors.New("không có đơn vị này")

// Thresholds turn a rate into points: no points below Zero, all of Max at or
// above Full, linear in between. Provinces publish their own scales, so
// these are configuration, not law.
type Thresholds struct {
	Max  float64 // points of the indicator
	Zero float64 // rate (0–1) at or below which the indicator scores 0
	Full float64 // rate (0–1) at or above which it scores Max
}

// Points scores figure f; ok is false when f has no rate (N/A).
func (t Thresholds) Points(f Figure) (float64, bool) {
	r, ok := f.Rate()
	if !ok {
		return 0, false
	}
	switch {
	case r >= t.Full:
		return t.Max, true
	case r <= t.Zero || t.Full <= t.Zero:
		return 0, true
	}
	// Two decimals: the points are published, and 12.000000000000002
	// is not a score anyone can check by hand.
	return math.Round(t.Max*(r-t.Zero)/(t.Full-t.Zero)*100) / 100, true
}

// Config holds the scales of the 766 score, one per indicator. Pass it
// explicitly; there is no package-level default in use.
type Config struct {
	// Publicity: group "Công khai, minh bạch" (18), indicator "Tỷ lệ thủ tục
	// hành chính được công khai có đầy đủ các nội dung quy định về các bộ
	// phận tạo thành của thủ tục hành chính".
	Publicity Thresholds
	// Timeliness: group "Tiến độ, kết quả giải quyết" (20), "Tỷ lệ hồ sơ xử
	// lý trước hạn, đúng hạn".
	Timeliness Thresholds
	// Online: group "Cung cấp dịch vụ trực tuyến" (12), "Tỷ lệ hồ sơ trực
	// tuyến" of procedures offered online.
	Online Thresholds
	// Payment: "Tỷ lệ thanh toán trực tuyến" (10).
	Payment Thresholds
	// Satisfaction: group "Mức độ hài lòng" (18), "Tỷ lệ hài lòng trong
	// tiếp nhận, giải quyết TTHC".
	Satisfaction Thresholds
	// Digitised and Results: group "Số hóa hồ sơ" (22), "Tỷ lệ số hóa hồ
	// sơ" and "Tỷ lệ cấp kết quả điện tử", 11 points each.
	Digitised, Results Thresholds
}

// DefaultConfig is the scale used unless configured: each indicator's
// maximum reached at 100% (80% for online dossiers), no points at or below
// 50% for timeliness and satisfaction and at 0% elsewhere, linear in
// between. The maxima add up to Decision 766's 100 points.
func DefaultConfig() Config {
	return Config{
		Publicity:    Thresholds{Max: 18, Zero: 0, Full: 1},
		Timeliness:   Thresholds{Max: 20, Zero: 0.5, Full: 1},
		Online:       Thresholds{Max: 12, Zero: 0, Full: 0.8},
		Payment:      Thresholds{Max: 10, Zero: 0, Full: 1},
		Satisfaction: Thresholds{Max: 18, Zero: 0.5, Full: 1},
		Digitised:    Thresholds{Max: 11, Zero: 0, Full: 1},
		Results:      Thresholds{Max: 11, Zero: 0, Full: 1},
	}
}

// Score is one indicator's points; a group may have several.
type Score struct {
	Group     string  `json:"group"`
	Label     string  `json:"label"`
	Indicator string  `json:"indicator"`
	Formula   string  `json:"formula"`
	Figure    Figure  `json:"figure"`
	Points    float64 `json:"points"`
	Max       float64 `json:"max"`
	NA        bool    `json:"na"`
	Note      string  `json:"note,omitempty"`
}

// PaymentNote says why online payment has no figure.
const PaymentNote = "Chưa tính: trong kỳ không có hồ sơ nào có nghĩa vụ tài chính được yêu cầu thanh toán qua Cổng (N/A)."

// PublicityNote says which of the group's indicators Cổng computes.
const PublicityNote = "Cổng tính chỉ tiêu công khai đầy đủ nội dung thủ tục (có thời hạn, trình tự, thành phần hồ sơ, phí, căn cứ pháp lý, kết quả, đối tượng, cơ quan thực hiện). Các chỉ tiêu công bố, cập nhật đúng hạn và đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia cần dữ liệu Cổng chưa có."

// Score computes every indicator of Decision 766's groups: publicity and
// transparency 18, timeliness 20, online service 12, online payment 10,
// satisfaction 18 and digitisation 22 (= 100). pub is the catalogue's
// publicity figure. Payment is N/A, never 0 or full, while no dossier of
// the period was asked a fee through the desk.
func (cfg Config) Score(c Counts, pub Figure) []Score {
	mk := func(group, label, ind, formula string, f Figure, t Thresholds) Score {
		p, ok := t.Points(f)
		return Score{Group: group, Label: label, Indicator: ind, Formula: formula, Figure: f, Points: p, Max: t.Max, NA: !ok}
	}
	pubS := mk("publicity", "Công khai, minh bạch", "Tỷ lệ TTHC được công khai đầy đủ nội dung",
		"Số TTHC công khai có đầy đủ các bộ phận tạo thành / Tổng số TTHC công khai", pub, cfg.Publicity)
	pubS.Note = PublicityNote
	pay := mk("payment", "Thanh toán trực tuyến", "Tỷ lệ hồ sơ thanh toán trực tuyến",
		"Số hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến / Tổng số hồ sơ có nghĩa vụ tài chính", c.PaymentShare(), cfg.Payment)
	if pay.NA {
		pay.Note = PaymentNote
	}
	return []Score{
		pubS,
		mk("timeliness", "Tiến độ, kết quả giải quyết", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn",
			"(Số hồ sơ giải quyết trước hạn + đúng hạn) / (Số hồ sơ đã giải quyết + Số hồ sơ đang giải quyết quá hạn)", c.OnTimeRate(), cfg.Timeliness),
		mk("online", "Cung cấp dịch vụ trực tuyến", "Tỷ lệ hồ sơ trực tuyến",
			"Số hồ sơ nộp trực tuyến / Tổng số hồ sơ tiếp nhận mới của TTHC có dịch vụ công trực tuyến (toàn trình, một phần)", c.EligibleShare(), cfg.Online),
		pay,
		mk("satisfaction", "Mức độ hài lòng", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
			"(Tổng số hồ sơ đã giải quyết − Số hồ sơ không hài lòng hoặc có phản ánh, kiến nghị, quá hạn) / Tổng số hồ sơ đã giải quyết", c.Satisfaction(), cfg.Satisfaction),
		mk("digitisation", "Số hóa hồ sơ", "Tỷ lệ số hóa hồ sơ",
			"Số hồ sơ tiếp nhận mới có thành phần được số hóa đầy đủ / Tổng số hồ sơ tiếp nhận mới", c.DigitisedShare(), cfg.Digitised),
		mk("digitisation", "Số hóa hồ sơ", "Tỷ lệ cấp kết quả điện tử",
			"Số hồ sơ đã giải quyết có kết quả điện tử (kết quả ký số phát hành qua cổng, hoặc cán bộ ghi nhận đã cấp điện tử qua hệ thống khác) / Tổng số hồ sơ đã giải quyết", c.ResultShare(), cfg.Results),
	}
}

// Total adds up the points of the indicators that have a figure, and the
// maximum of all of them (100 with the default scale) and of those measured.
func Total(scores []Score) (points, max, measured float64) {
	for _, s := range scores {
		max += s.Max
		if !s.NA {
			points += s.Points
			measured += s.Max
		}
	}
	return math.Round(points*100) / 100, max, measured
}
