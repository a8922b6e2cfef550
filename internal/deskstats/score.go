package deskstats

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

// Config holds the scales of the 766-style score. Pass it explicitly; there
// is no package-level default in use.
type Config struct {
	// Timeliness: Decision 766 group "Tiến độ giải quyết", indicator on the
	// share of dossiers finished early or on time.
	Timeliness Thresholds
	// Online: group "Cung cấp dịch vụ trực tuyến", indicator on the share of
	// dossiers of procedures offered online that actually came online.
	Online Thresholds
	// Satisfaction: group "Mức độ hài lòng", 100% − late rate − complaints.
	Satisfaction Thresholds
}

// DefaultConfig is the scale used unless configured: the group maxima of
// Decision 766's desk-measurable groups (20, 12 and 18 points) reached at
// 100%, with no points at or below 50% (resp. 0% online, 50% satisfaction),
// linear in between.
func DefaultConfig() Config {
	return Config{
		Timeliness:   Thresholds{Max: 20, Zero: 0.5, Full: 1},
		Online:       Thresholds{Max: 12, Zero: 0, Full: 0.8},
		Satisfaction: Thresholds{Max: 18, Zero: 0.5, Full: 1},
	}
}

// Score is one group's points.
type Score struct {
	Group     string  `json:"group"`
	Label     string  `json:"label"`
	Indicator string  `json:"indicator"`
	Figure    Figure  `json:"figure"`
	Points    float64 `json:"points"`
	Max       float64 `json:"max"`
	NA        bool    `json:"na"`
}

// Score computes the groups the desk's data allows; groups the desk cannot
// measure (publicity, online payment, digitisation) are left out rather
// than guessed.
func (cfg Config) Score(c Counts) []Score {
	mk := func(group, label, ind string, f Figure, t Thresholds) Score {
		p, ok := t.Points(f)
		return Score{Group: group, Label: label, Indicator: ind, Figure: f, Points: p, Max: t.Max, NA: !ok}
	}
	return []Score{
		mk("timeliness", "Tiến độ giải quyết", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", c.OnTimeRate(), cfg.Timeliness),
		mk("online", "Dịch vụ trực tuyến", "Tỷ lệ hồ sơ nộp trực tuyến của thủ tục có dịch vụ trực tuyến", c.EligibleShare(), cfg.Online),
		mk("satisfaction", "Mức độ hài lòng", "100% − tỷ lệ trễ hạn − tỷ lệ khiếu nại", c.Satisfaction(), cfg.Satisfaction),
	}
}
