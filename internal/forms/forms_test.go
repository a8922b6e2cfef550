package forms

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample is a dossier as the desk would snapshot it; times in UTC, printed
// in +07:00.
func sample(k Kind) Data {
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	d := Data{
		Form: k, IssuedAt: at("2026-03-02T02:15:00Z"),
		Agency: "Ủy ban nhân dân tỉnh Hòa Bình", Unit: "Ủy ban nhân dân xã Hương Khê", UnitPhone: "0218 3852 111",
		Code: "XHK-260302-0007", Procedure: "Đăng ký khai sinh", ProcedureCode: "1.001193", ProcTime: "3 ngày làm việc", Channel: "Trực tiếp",
		ApplicantName: "Nguyễn Thị Ánh Tuyết", ApplicantID: "017190001234", ApplicantAddress: "Xóm Đồng Bưởi, xã Hương Khê, tỉnh Hòa Bình",
		ApplicantPhone: "0912345678", ApplicantEmail: "tuyet@example.vn",
		Components:  []Component{{Name: "Tờ khai đăng ký khai sinh", Copies: 1}, {Name: "Giấy chứng sinh", Copies: 1}, {Name: "Văn bản ủy quyền (nếu có)"}},
		SubmittedAt: at("2026-03-02T02:10:00Z"), ReceivedAt: at("2026-03-02T02:15:00Z"), DueAt: at("2026-03-05T02:15:00Z"),
		Officer: "Trần Văn Đức", LookupPath: "/tra-cuu?ma=XHK-260302-0007",
	}
	switch k {
	case Supplement:
		d.IssuedAt = at("2026-03-03T03:00:00Z")
		d.Reason = "Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ; tờ khai chưa ghi quê quán của người mẹ."
	case Refusal:
		d.IssuedAt, d.ReceivedAt, d.DueAt = at("2026-03-02T04:00:00Z"), time.Time{}, time.Time{}
		d.Reason = "Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã; đề nghị nộp tại Sở Tư pháp."
	case Apology:
		d.IssuedAt = at("2026-03-04T08:00:00Z")
		d.Reason = "Hệ thống cơ sở dữ liệu hộ tịch điện tử gián đoạn, chưa cấp được số định danh cho trẻ."
		d.NewDueAt = at("2026-03-09T10:00:00Z")
	case Control:
		d.IssuedAt = at("2026-03-09T09:30:00Z")
		d.NewDueAt = at("2026-03-09T10:00:00Z")
		d.ReturnedAt = d.IssuedAt
		d.Result = "Trễ hạn"
		d.Steps = []Step{
			{At: at("2026-03-02T02:15:00Z"), Action: "Tiếp nhận", From: "Mới đăng ký", To: "Được tiếp nhận", Actor: "Trần Văn Đức", Note: "Tiếp nhận trực tiếp"},
			{At: at("2026-03-02T03:00:00Z"), Action: "Chuyển xử lý", From: "Được tiếp nhận", To: "Đang xử lý", Actor: "Trần Văn Đức"},
			{At: at("2026-03-04T08:00:00Z"), Action: "Xin lỗi, hẹn lại", From: "Đang xử lý", To: "Đang xử lý", Actor: "Lê Thị Hằng", Note: "Hệ thống hộ tịch gián đoạn; hẹn lại ngày 09/03/2026"},
			{At: at("2026-03-09T08:00:00Z"), Action: "Đã xử lý xong", From: "Đang xử lý", To: "Đã xử lý xong", Actor: "Lê Thị Hằng"},
			{At: at("2026-03-09T09:30:00Z"), Action: "Trả kết quả", From: "Đã xử lý xong", To: "Đã trả kết quả", Actor: "Trần Văn Đức"},
		}
	}
	return d
}

// pdfText extracts the text as a reader's PDF viewer would: the golden
// files keep the diacritics, which only come out right when the font is
// embedded with its Unicode map.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Trailing spaces depend on the poppler version, not on the form.
	lines := strings.Split(string(out), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \f")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
}

func TestGolden(t *testing.T) {
	for _, k := range Kinds {
		t.Run(k.Number(), func(t *testing.T) {
			pdf, err := Render(sample(k), Options{BaseURL: "https://dichvucong.example.vn"})
			if err != nil {
				t.Fatal(err)
			}
			again, err := Render(sample(k), Options{BaseURL: "https://dichvucong.example.vn"})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(pdf, again) {
				t.Fatal("the same form rendered twice differs")
			}
			if len(pdf) > 120<<10 {
				t.Errorf("form %s is %d bytes: the font is not subset", k.Number(), len(pdf))
			}
			got := pdfText(t, pdf)
			golden := filepath.Join("testdata", "mau-"+k.Number()+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("text of form %s differs from %s:\n%s", k.Number(), golden, got)
			}
		})
	}
}

func TestDecomposedInputPrintsComposed(t *testing.T) {
	d := sample(Refusal)
	d.Reason = "Thie\u0302\u0301u gia\u0302\u0301y tơ\u0300" // NFD, as some keyboards send it
	pdf, err := Render(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if txt := pdfText(t, pdf); !strings.Contains(txt, "Thiếu giấy tờ") {
		t.Fatalf("NFD reason not printed composed:\n%s", txt)
	}
}

func TestParseKind(t *testing.T) {
	for s, want := range map[string]Kind{"01": Receipt, "1": Receipt, "05": Control, "04": Apology} {
		if k, ok := ParseKind(s); !ok || k != want {
			t.Errorf("ParseKind(%q) = %v %v", s, k, ok)
		}
	}
	for _, s := range []string{"", "0", "06", "1x", "x1", "-1", "001"} {
		if k, ok := ParseKind(s); ok {
			t.Errorf("ParseKind(%q) = %v, want refusal", s, k)
		}
	}
	if Control.Citizen() || !Apology.Citizen() {
		t.Error("citizens get 01–04, not 05")
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	d := sample(Control)
	s, err := d.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(s)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := Render(d, Options{})
	b, _ := Render(back, Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("a form rendered from its stored snapshot differs from the original")
	}
}

func TestWritePDFs(t *testing.T) {
	dir := os.Getenv("FORMS_OUT")
	if dir == "" {
		t.Skip("set FORMS_OUT to write the sample PDFs for a look")
	}
	for _, k := range Kinds {
		pdf, err := Render(sample(k), Options{BaseURL: "https://dichvucong.example.vn"})
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "mau-"+k.Number()+".pdf"), pdf, 0o644)
	}
}

func BenchmarkRender(b *testing.B) {
	for _, k := range []Kind{Receipt, Control} {
		d := sample(k)
		b.Run(k.Number(), func(b *testing.B) {
			for b.Loop() {
				if _, err := Render(d, Options{BaseURL: "https://dichvucong.example.vn"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
