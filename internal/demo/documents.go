package demo

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// demoDoc is one sample document. National documents carry their real
// numbers, dates and subjects as metadata; the abstracts are written for
// the demo, and the commune's and province's documents are fictional.
type demoDoc struct {
	number, typ, issuer, signer, field, abstract string
	issued, effective, expiry                    string
	replacedBy                                   string // number of the replacing document, loaded earlier
	pdf                                          bool
}

const (
	demoCommune  = "UBND xã Tân Hòa Lĩnh"
	demoParty    = "Ban Chấp hành Đảng bộ xã Tân Hòa Lĩnh"
	demoProvince = "UBND tỉnh Lam Giang"
)

var demoDocs = []demoDoc{
	{"118/2025/NĐ-CP", "Nghị định", "Chính phủ", "", "Kiểm soát thủ tục hành chính",
		"Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia.",
		"09/06/2025", "01/07/2025", "", "", false},
	{"61/2018/NĐ-CP", "Nghị định", "Chính phủ", "", "Kiểm soát thủ tục hành chính",
		"Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.",
		"23/04/2018", "21/06/2018", "", "118/2025/NĐ-CP", false},
	{"42/2022/NĐ-CP", "Nghị định", "Chính phủ", "", "Chuyển đổi số",
		"Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng.",
		"24/06/2022", "01/08/2022", "", "", false},
	{"45/2020/NĐ-CP", "Nghị định", "Chính phủ", "", "Kiểm soát thủ tục hành chính",
		"Về thực hiện thủ tục hành chính trên môi trường điện tử.",
		"08/04/2020", "22/05/2020", "", "", false},
	{"01/2018/TT-VPCP", "Thông tư", "Văn phòng Chính phủ", "", "Kiểm soát thủ tục hành chính",
		"Hướng dẫn thi hành một số quy định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính; mẫu phiếu và mã hồ sơ.",
		"23/11/2018", "08/01/2019", "", "", false},
	{"766/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "", "Cải cách hành chính",
		"Phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử.",
		"23/06/2022", "23/06/2022", "", "", false},
	{"57-NQ/TW", "Nghị quyết", "Bộ Chính trị", "", "Chuyển đổi số",
		"Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
		"22/12/2024", "22/12/2024", "", "", false},
	{"11-QĐi/TW", "Quy định", "Bộ Chính trị", "", "Tiếp công dân",
		"Về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân.",
		"18/02/2019", "18/02/2019", "", "", false},
	{"07/CT-UBND", "Chỉ thị", demoProvince, "Lê Thị Hồng Nhung", "Cải cách hành chính",
		"Về tăng cường kỷ luật, kỷ cương hành chính trong giải quyết thủ tục hành chính cho người dân, doanh nghiệp trên địa bàn tỉnh.",
		"03/03/2026", "03/03/2026", "", "", false},
	{"05-NQ/ĐU", "Nghị quyết", demoParty, "Trần Quốc Khánh", "Cải cách hành chính",
		"Về đẩy mạnh cải cách hành chính, chuyển đổi số giai đoạn 2026–2030.",
		"15/01/2026", "15/01/2026", "", "", true},
	{"45/KH-UBND", "Kế hoạch", demoCommune, "Nguyễn Thị Mai", "Cải cách hành chính",
		"Cải thiện, nâng cao các chỉ số cải cách hành chính (PAR INDEX, SIPAS, PAPI) năm 2026 trên địa bàn xã.",
		"12/03/2026", "12/03/2026", "31/12/2026", "", true},
	{"112/KH-UBND", "Kế hoạch", demoCommune, "Nguyễn Thị Mai", "Phòng, chống thiên tai",
		"Phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2026.",
		"20/08/2026", "20/08/2026", "", "", true},
	{"18/KH-UBND", "Kế hoạch", demoCommune, "Phạm Văn Hùng", "Chuyển đổi số",
		"Chuyển đổi số năm 2025: phổ cập dịch vụ công trực tuyến, thanh toán không dùng tiền mặt và tổ công nghệ số cộng đồng.",
		"20/01/2025", "20/01/2025", "31/12/2025", "", false},
	{"120/QĐ-UBND", "Quyết định", demoCommune, "Nguyễn Thị Mai", "Kiểm soát thủ tục hành chính",
		"Công bố danh mục thủ tục hành chính thực hiện tại Bộ phận Một cửa xã và thủ tục được tiếp nhận trực tuyến toàn trình.",
		"02/07/2025", "02/07/2025", "", "", true},
	{"215/TB-UBND", "Thông báo", demoCommune, "Nguyễn Thị Mai", "Tiếp công dân",
		"Lịch tiếp công dân định kỳ của Chủ tịch UBND xã năm 2026.",
		"05/01/2026", "", "", "", false},
	{"1250/UBND-VP", "Công văn", demoCommune, "Phạm Văn Hùng", "Chuyển đổi số",
		"Đề nghị các thôn rà soát, cập nhật danh sách thành viên tổ công nghệ số cộng đồng.",
		"14/09/2026", "", "", "", false},
}

// loadDocuments adds the sample documents (published) inside the demo's
// transaction, before the articles: articles that cite them are linked.
func loadDocuments(ctx context.Context, tx *store.Tx, siteID int64) error {
	ids := map[string]int64{}
	for _, x := range demoDocs {
		d := &legaldoc.Document{SiteID: siteID, Status: news.StatusPublished}
		if err := legaldoc.Apply(d, legaldoc.Draft{Number: x.number, Type: x.typ, Issuer: x.issuer, Signer: x.signer, Field: x.field,
			Abstract: x.abstract, IssueDate: x.issued, EffectiveDate: x.effective, ExpiryDate: x.expiry, ReplacedByID: ids[x.replacedBy]}); err != nil {
			return fmt.Errorf("văn bản %s: %w", x.number, err)
		}
		var files []legaldoc.File
		if x.pdf {
			files = append(files, legaldoc.File{Name: viet.Slug(d.Title()) + ".pdf", Mime: "application/pdf", Ext: "pdf", Data: samplePDF(d)})
		}
		if err := tx.SaveDocument(ctx, d, files); err != nil {
			return fmt.Errorf("văn bản %s: %w", x.number, err)
		}
		ids[x.number] = d.ID
	}
	return nil
}

// samplePDF writes a one-page PDF naming the document. The standard PDF
// fonts cannot show Vietnamese accents, so the text is written without
// them; it is a placeholder for the scanned original a real site uploads.
func samplePDF(d *legaldoc.Document) []byte {
	lines := []string{
		strings.ToUpper(plain(d.Issuer)),
		"So: " + plain(d.Number),
		"",
		strings.ToUpper(plain(d.Type)),
		plain(d.Abstract),
		"",
		"Ngay ban hanh: " + legaldoc.FormatDate(d.IssueDate),
		"",
		"(Ban mau cua du lieu trinh dien Cong - khong phai van ban goc.)",
	}
	var content bytes.Buffer
	content.WriteString("BT /F1 12 Tf 16 TL 56 780 Td\n")
	for _, l := range lines {
		for _, part := range wrap(l, 80) {
			fmt.Fprintf(&content, "(%s) '\n", pdfEscape(part))
		}
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// plain drops Vietnamese accents, keeping case.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		f := viet.FoldRune(r)
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		if unicode.IsUpper(r) {
			return unicode.ToUpper(f)
		}
		if f > unicode.MaxASCII {
			return '?'
		}
		return f
	}, viet.NFC(s))
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}

func wrap(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(out, line)
}
