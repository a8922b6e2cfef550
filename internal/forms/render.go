package forms

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/viet"
)

// DejaVu Serif (Bitstream Vera licence, fonts/LICENSE) covers every
// Vietnamese letter and looks like the Times New Roman that official papers
// are set in (Nghị định 30/2020). fpdf embeds only the glyphs a form uses,
// so a form weighs tens of kilobytes, not the font's megabyte.
var (
	//go:embed fonts/DejaVuSerif.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSerif-Bold.ttf
	fontBold []byte
	//go:embed fonts/DejaVuSerif-Italic.ttf
	fontItalic []byte
)

// SerifFont is the regular face, for other drawings of official papers
// (the signature stamp of esign).
func SerifFont() []byte { return fontRegular }

const (
	family  = "DejaVuSerif"
	marginL = 25.0 // the binding side, as on official papers
	marginR = 15.0
	marginT = 15.0
	bodyW   = 210 - marginL - marginR
	lineH   = 6.2
)

// Options are what a form needs besides its snapshot.
type Options struct {
	// BaseURL is the site's public address ("https://dichvucong.example.vn"),
	// prefixed to the lookup path in form 01's QR code.
	BaseURL string
}

// Render draws the form. The same Data and Options give the same bytes:
// the PDF's dates are the snapshot's, objects are written in sorted order.
func Render(d Data, o Options) ([]byte, error) {
	if !d.Form.Valid() {
		return nil, fmt.Errorf("forms: unknown form %d", int(d.Form))
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	issued := d.IssuedAt.UTC()
	p.SetCreationDate(issued)
	p.SetModificationDate(issued)
	p.SetCompression(true)
	p.SetTitle(nfc(d.Form.Title()+" – "+d.Code), true)
	p.SetCreator("Cổng dịch vụ công", true)
	p.SetProducer("Cổng", true)
	p.AddUTF8FontFromBytes(family, "", fontRegular)
	p.AddUTF8FontFromBytes(family, "B", fontBold)
	p.AddUTF8FontFromBytes(family, "I", fontItalic)
	p.SetMargins(marginL, marginT, marginR)
	p.SetAutoPageBreak(true, 15)
	p.AddPage()
	w := &writer{p: p, d: d}
	w.header()
	switch d.Form {
	case Receipt:
		w.receipt(o)
	case Supplement:
		w.supplement()
	case Refusal:
		w.refusal()
	case Apology:
		w.apology()
	case Control:
		w.control()
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type writer struct {
	p *fpdf.Fpdf
	d Data
}

func nfc(s string) string { return viet.NFC(s) }

func (w *writer) font(style string, size float64) { w.p.SetFont(family, style, size) }

// header is the heading every form shares: the issuing body on the left,
// the national motto on the right, the form's number above them, then the
// date and the title.
func (w *writer) header() {
	p, d := w.p, w.d
	w.font("I", 9)
	p.SetXY(marginL, 8)
	p.CellFormat(bodyW, 5, nfc("Mẫu số "+d.Form.Number()+" (Thông tư số 01/2018/TT-VPCP)"), "", 1, "R", false, 0, "")
	top := marginT
	leftW := 82.0
	p.SetXY(marginL, top)
	if d.Agency != "" {
		w.font("", 10.5)
		p.MultiCell(leftW, 5, nfc(strings.ToUpper(d.Agency)), "", "C", false)
	}
	w.font("B", 10.5)
	p.SetX(marginL)
	p.MultiCell(leftW, 5, nfc(strings.ToUpper(unitOrDesk(d))), "", "C", false)
	leftEnd := p.GetY()
	p.Line(marginL+leftW/2-12, leftEnd+1, marginL+leftW/2+12, leftEnd+1)

	rightX := marginL + leftW
	rightW := bodyW - leftW
	p.SetXY(rightX, top)
	w.font("B", 10.5)
	p.CellFormat(rightW, 5, nfc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "", 2, "C", false, 0, "")
	w.font("B", 11.5)
	p.CellFormat(rightW, 6, nfc("Độc lập - Tự do - Hạnh phúc"), "", 2, "C", false, 0, "")
	mw := p.GetStringWidth(nfc("Độc lập - Tự do - Hạnh phúc"))
	y := p.GetY() + 0.5
	p.Line(rightX+(rightW-mw)/2, y, rightX+(rightW+mw)/2, y)
	p.SetXY(rightX, y+3)
	w.font("I", 11)
	p.CellFormat(rightW, 6, nfc(dayWords(d.IssuedAt, true)), "", 2, "C", false, 0, "")

	if p.GetY() < leftEnd+3 {
		p.SetY(leftEnd + 3)
	}
	p.Ln(6)
	w.font("B", 13)
	p.SetX(marginL)
	p.MultiCell(bodyW, 7, nfc(strings.ToUpper(d.Form.Title())), "", "C", false)
	w.font("", 12)
	if d.Code != "" {
		p.SetX(marginL)
		p.CellFormat(bodyW, 6, nfc("Mã hồ sơ: ")+d.Code, "", 1, "C", false, 0, "")
	}
	p.Ln(3)
}

// para writes one justified paragraph.
func (w *writer) para(s string) {
	w.font("", 12)
	w.p.SetX(marginL)
	w.p.MultiCell(bodyW, lineH, nfc(s), "", "J", false)
}

// field writes "label: value" with the value in bold, wrapping as needed.
func (w *writer) field(label, value string) {
	p := w.p
	p.SetX(marginL)
	w.font("", 12)
	p.Write(lineH, nfc(label+": "))
	w.font("B", 12)
	if strings.TrimSpace(value) == "" {
		w.font("", 12)
		value = "…"
	}
	p.Write(lineH, nfc(value))
	p.Ln(lineH)
}

// signatures draws the signature blocks side by side (one block centred
// on the right when there is one).
func (w *writer) signatures(blocks ...[3]string) {
	p := w.p
	if p.GetY() > 297-15-40 {
		p.AddPage()
	}
	p.Ln(4)
	y := p.GetY()
	colW := bodyW / 2
	for i, b := range blocks {
		x := marginL + float64(i)*colW
		if len(blocks) == 1 {
			x = marginL + colW
		}
		p.SetXY(x, y)
		w.font("B", 12)
		p.MultiCell(colW, lineH, nfc(b[0]), "", "C", false)
		p.SetX(x)
		w.font("I", 11)
		p.MultiCell(colW, lineH, nfc(b[1]), "", "C", false)
		if b[2] != "" {
			p.SetXY(x, y+32)
			w.font("B", 12)
			p.MultiCell(colW, lineH, nfc(b[2]), "", "C", false)
		}
	}
	p.SetY(y + 32 + lineH + 2)
}

func (w *writer) applicantLines() {
	d := w.d
	w.field("Ông/Bà", d.ApplicantName)
	if d.ApplicantID != "" {
		// Masked (Decree 13/2023): the forms are papers handed to the
		// citizen or downloaded through the private link, and none of TT
		// 01/2018's forms needs the full number; the officer reads it on
		// the dossier's page.
		w.field("Số định danh cá nhân", dossier.MaskID(d.ApplicantID))
	}
	w.field("Địa chỉ", d.ApplicantAddress)
	contact := d.ApplicantPhone
	if d.ApplicantEmail != "" {
		contact += "    Email: " + d.ApplicantEmail
	}
	w.field("Số điện thoại", contact)
	w.field("Nội dung yêu cầu giải quyết", procedureLine(d))
}

func procedureLine(d Data) string {
	if d.ProcedureCode == "" {
		return d.Procedure
	}
	return d.Procedure + " (mã thủ tục " + d.ProcedureCode + ")"
}

func (w *writer) receipt(o Options) {
	d, p := w.d, w.p
	w.font("I", 11)
	p.SetX(marginL)
	p.CellFormat(bodyW, 5, nfc("(Liên: giao người nộp hồ sơ / lưu tại bộ phận tiếp nhận)"), "", 1, "C", false, 0, "")
	p.Ln(2)
	w.para(unitOrDesk(d) + " đã tiếp nhận hồ sơ của:")
	w.applicantLines()
	w.para("1. Thành phần hồ sơ nộp gồm:")
	if len(d.Components) == 0 {
		w.para("    Theo quy định của thủ tục hành chính.")
	}
	for i, c := range d.Components {
		copies := ""
		if c.Copies > 0 {
			copies = " (" + strconv.Itoa(c.Copies) + " bản)"
		}
		w.para(fmt.Sprintf("    %c) %s%s", 'a'+rune(i%26), c.Name, copies))
	}
	w.para("2. Số lượng hồ sơ: 01 (bộ).")
	if d.ProcTime != "" {
		w.para("3. Thời gian giải quyết hồ sơ theo quy định là: " + d.ProcTime + ".")
	} else {
		w.para("3. Thời gian giải quyết hồ sơ theo quy định của thủ tục hành chính.")
	}
	w.para("4. Thời gian nhận hồ sơ: " + clockWords(d.ReceivedAt) + ".")
	w.para("5. Thời gian trả kết quả giải quyết hồ sơ: " + clockWords(d.DueAt) + ".")
	w.para("6. Đăng ký nhận kết quả tại: " + unitOrDesk(d) + ".")
	if d.Channel != "" {
		w.para("7. Hình thức nộp hồ sơ: " + strings.ToLower(d.Channel) + ".")
	}
	w.signatures([3]string{"NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", d.ApplicantName},
		[3]string{"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", d.Officer})
	if d.LookupPath != "" {
		url := strings.TrimRight(o.BaseURL, "/") + d.LookupPath
		y := p.GetY()
		if y > 297-15-32 {
			p.AddPage()
			y = p.GetY()
		}
		w.qr(url, marginL, y, 28)
		p.SetXY(marginL+32, y+6)
		w.font("I", 10.5)
		p.MultiCell(bodyW-32, 5, nfc("Quét mã QR hoặc mở địa chỉ dưới đây, nhập mã hồ sơ để tra cứu tình trạng giải quyết:"), "", "L", false)
		p.SetX(marginL + 32)
		w.font("", 10.5)
		p.MultiCell(bodyW-32, 5, url, "", "L", false)
	}
}

func unitOrDesk(d Data) string {
	if d.Unit == "" {
		return "Bộ phận tiếp nhận và trả kết quả"
	}
	return d.Unit
}

// qr draws the code as filled squares (vector: sharp when printed, and no
// image to encode, so the bytes stay the same run after run).
func (w *writer) qr(content string, x, y, size float64) {
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		w.p.SetError(err)
		return
	}
	q.DisableBorder = true
	bm := q.Bitmap()
	m := size / float64(len(bm))
	w.p.SetFillColor(0, 0, 0)
	for r, row := range bm {
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			w.p.Rect(x+float64(start)*m, y+float64(r)*m, float64(c-start)*m, m, "F")
		}
	}
}

func (w *writer) supplement() {
	d := w.d
	w.para(unitOrDesk(d) + " tiếp nhận hồ sơ của:")
	w.applicantLines()
	w.field("Ngày tiếp nhận", dateOnly(d.ReceivedAt))
	w.para("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:")
	w.reason()
	w.para("Thời hạn giải quyết hồ sơ tạm dừng từ " + clockWords(d.IssuedAt) +
		" và được tính tiếp khi nhận đủ hồ sơ bổ sung. Ông/Bà có thể nộp bổ sung trực tiếp tại " + unitOrDesk(d) +
		" hoặc qua đường dẫn riêng trên giấy tiếp nhận hồ sơ.")
	contact := "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với " + nonEmpty(d.Officer, "cán bộ tiếp nhận")
	if d.UnitPhone != "" {
		contact += ", số điện thoại " + d.UnitPhone
	}
	w.para(contact + " để được hướng dẫn./.")
	w.signatures([3]string{"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", d.Officer})
}

func (w *writer) refusal() {
	d := w.d
	w.para(unitOrDesk(d) + " tiếp nhận hồ sơ của:")
	w.applicantLines()
	w.para("Sau khi xem xét, đối chiếu hồ sơ với quy định của thủ tục hành chính, " + unitOrDesk(d) +
		" thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
	w.reason()
	w.para("Xin thông báo cho Ông/Bà được biết và thực hiện./.")
	w.signatures([3]string{"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", d.Officer})
}

func (w *writer) apology() {
	d := w.d
	w.font("", 12)
	w.p.SetX(marginL)
	w.p.CellFormat(bodyW, lineH, nfc("Kính gửi: Ông/Bà "+d.ApplicantName), "", 1, "C", false, 0, "")
	w.p.Ln(2)
	w.para(unitOrDesk(d) + " đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: " + procedureLine(d) + ".")
	w.field("Mã hồ sơ", d.Code)
	w.field("Ngày tiếp nhận", dateOnly(d.ReceivedAt))
	w.field("Ngày hẹn trả kết quả", dateOnly(d.DueAt))
	w.para("Tuy nhiên đến nay, " + unitOrDesk(d) + " chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn.")
	w.para("Lý do:")
	w.reason()
	w.para("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. " + unitOrDesk(d) +
		" xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào " + dayWords(d.NewDueAt, false) + ".")
	w.para("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.")
	w.signatures([3]string{"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", ""})
}

// reason prints the officer's text indented, keeping its line breaks.
func (w *writer) reason() {
	r := strings.TrimSpace(w.d.Reason)
	if r == "" {
		r = "…"
	}
	w.font("B", 12)
	w.p.SetX(marginL + 8)
	w.p.MultiCell(bodyW-8, lineH, nfc(r), "", "L", false)
	w.p.Ln(1)
}

func (w *writer) control() {
	d, p := w.d, w.p
	w.font("I", 11)
	p.SetX(marginL)
	p.CellFormat(bodyW, 5, nfc("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã hồ sơ "+d.Code+")"), "", 1, "C", false, 0, "")
	p.Ln(2)
	w.field("Người nộp hồ sơ", d.ApplicantName)
	w.field("Thủ tục", procedureLine(d))
	w.field("Cơ quan giải quyết hồ sơ", unitOrDesk(d))
	w.field("Ngày tiếp nhận", dateOnly(d.ReceivedAt))
	w.field("Ngày hẹn trả kết quả", dateOnly(d.DueAt))
	if !d.NewDueAt.IsZero() {
		w.field("Ngày hẹn lại (phiếu xin lỗi)", dateOnly(d.NewDueAt))
	}
	p.Ln(2)
	cols := []struct {
		title string
		w     float64
	}{{"STT", 10}, {"Thời gian giao, nhận", 33}, {"Nội dung xử lý", 50}, {"Người thực hiện", 37}, {"Ghi chú", bodyW - 10 - 33 - 50 - 37}}
	headerRow := func() {
		w.font("B", 10)
		y := p.GetY()
		x := marginL
		for _, c := range cols {
			p.Rect(x, y, c.w, 11, "D")
			p.SetXY(x, y+0.5)
			p.MultiCell(c.w, 5, nfc(c.title), "", "C", false)
			x += c.w
		}
		p.SetXY(marginL, y+11)
	}
	headerRow()
	w.font("", 10)
	const rh = 4.8
	for i, s := range d.Steps {
		move := s.Action + ": "
		if s.From != "" && s.From != s.To {
			move += s.From + " → "
		}
		move += s.To
		cells := []string{strconv.Itoa(i + 1), clockShort(s.At), move, s.Actor, s.Note}
		lines := 1
		for j, c := range cells {
			if n := len(p.SplitText(nfc(c), cols[j].w)); n > lines {
				lines = n
			}
		}
		h := float64(lines)*rh + 1.5
		if p.GetY()+h > 297-15 {
			p.AddPage()
			headerRow()
			w.font("", 10)
		}
		y := p.GetY()
		x := marginL
		for j, c := range cells {
			p.Rect(x, y, cols[j].w, h, "D")
			p.SetXY(x, y+0.75)
			align := "L"
			if j == 0 {
				align = "C"
			}
			p.MultiCell(cols[j].w, rh, nfc(c), "", align, false)
			x += cols[j].w
		}
		p.SetXY(marginL, y+h)
	}
	p.Ln(3)
	if d.Result != "" {
		label := "Kết quả giải quyết hồ sơ"
		if d.FinishedAt.IsZero() && d.ReturnedAt.IsZero() {
			// A live sheet of a dossier still in progress: how it stands
			// against its appointment, not a final result.
			label = "Tình trạng thời hạn (đến thời điểm in)"
		}
		w.field(label, d.Result)
	}
	if !d.ReturnedAt.IsZero() {
		w.field("Ngày trả kết quả", clockWords(d.ReturnedAt))
	}
}

func nonEmpty(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// Dates are printed in Vietnam's time (+07:00), dd/mm/yyyy.

func dateOnly(t time.Time) string {
	if t.IsZero() {
		return "…/…/……"
	}
	return t.In(dossier.Loc).Format("02/01/2006")
}

func clockWords(t time.Time) string {
	if t.IsZero() {
		return "… giờ … phút, ngày …/…/……"
	}
	t = t.In(dossier.Loc)
	return fmt.Sprintf("%02d giờ %02d phút, ngày %s", t.Hour(), t.Minute(), t.Format("02/01/2006"))
}

func clockShort(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(dossier.Loc).Format("15:04 02/01/2006")
}

// dayWords is "ngày 05 tháng 01 năm 2026" (capitalised for the date line).
func dayWords(t time.Time, capital bool) string {
	prefix := "ngày "
	if capital {
		prefix = "Ngày "
	}
	if t.IsZero() {
		return prefix + "… tháng … năm ……"
	}
	t = t.In(dossier.Loc)
	return fmt.Sprintf("%s%02d tháng %02d năm %d", prefix, t.Day(), int(t.Month()), t.Year())
}
