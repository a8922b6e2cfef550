package legaldoc

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFindCitations(t *testing.T) {
	tests := []struct {
		in   string
		want []string // the linked span of each citation
		keys []string
		year int // of the first citation, -1 = don't check
	}{
		{"Thực hiện Nghị quyết số 03-NQ/TU ngày 21/1/2021 của Tỉnh ủy", []string{"Nghị quyết số 03-NQ/TU"}, []string{"03nqtu"}, 2021},
		{"theo Kết luận số 436-KL/TU.", []string{"Kết luận số 436-KL/TU"}, []string{"436kltu"}, 0},
		{"Nghị quyết số 18-NQ/TW của Trung ương", []string{"Nghị quyết số 18-NQ/TW"}, []string{"18nqtw"}, 0},
		{"Quyết định số 766/QĐ-TTg", []string{"Quyết định số 766/QĐ-TTg"}, []string{"766qdttg"}, 0},
		{"Nghị định 118/2025/NĐ-CP về một cửa", []string{"Nghị định 118/2025/NĐ-CP"}, []string{"1182025ndcp"}, 2025},
		{"Thông tư số 01/2018/TT-VPCP hướng dẫn", []string{"Thông tư số 01/2018/TT-VPCP"}, []string{"012018ttvpcp"}, 2018},
		{"NQ 03-NQ/TU", []string{"NQ 03-NQ/TU"}, []string{"03nqtu"}, 0},
		{"Kết luận 436-KL/TU", []string{"Kết luận 436-KL/TU"}, []string{"436kltu"}, 0},
		{"Nghị quyết số\u00a003-NQ/TU", []string{"Nghị quyết số\u00a003-NQ/TU"}, []string{"03nqtu"}, -1},
		{"Nghị quyết số&nbsp;03-NQ/TU", []string{"Nghị quyết số&nbsp;03-NQ/TU"}, []string{"03nqtu"}, -1},
		{"Nghị quyết số 03–NQ/TU", []string{"Nghị quyết số 03–NQ/TU"}, []string{"03nqtu"}, -1},
		{"Nghị quyết số 03—NQ/TU", []string{"Nghị quyết số 03—NQ/TU"}, []string{"03nqtu"}, -1},
		{"Nghị quyết số 03‐NQ/TU", []string{"Nghị quyết số 03‐NQ/TU"}, []string{"03nqtu"}, -1},
		{norm.NFD.String("Quyết định số 766/QĐ-TTg ngày 23/6/2022"), []string{norm.NFD.String("Quyết định số 766/QĐ-TTg")}, []string{"766qdttg"}, 2022},
		{"Luật số 59/2020/QH14", []string{"Luật số 59/2020/QH14"}, []string{"592020qh14"}, 2020},
		{"căn cứ 123/2015/NĐ-CP và 42/2022/NĐ-CP", []string{"123/2015/NĐ-CP", "42/2022/NĐ-CP"}, []string{"1232015ndcp", "422022ndcp"}, 2015},
		{"Công văn số 1234/UBND-VP ngày 05/3/2024", []string{"Công văn số 1234/UBND-VP"}, []string{"1234ubndvp"}, 2024},
		{"(Quyết định số 15/QĐ-UBND)", []string{"Quyết định số 15/QĐ-UBND"}, []string{"15qdubnd"}, 0},
		{"QUYẾT ĐỊNH SỐ 766/QĐ-TTg", []string{"QUYẾT ĐỊNH SỐ 766/QĐ-TTg"}, []string{"766qdttg"}, 0},
		// Must not match.
		{"Gọi 0912.345.678 hoặc 0203/3852 123", nil, nil, -1},
		{"ngày 21/1/2021 và 03/02/2024", nil, nil, -1},
		{"mức thu 1.000/tháng, 20.000/người", nil, nil, -1},
		{"xem https://vanban.gov.vn/03-NQ/TU và www.x.vn/766/QĐ-TTg", nil, nil, -1},
		{"Điều 3, khoản 2, Điều 15/2", nil, nil, -1},
		{"mã 12/HĐ hoặc 3-A", nil, nil, -1},
		{"COVID-19 và F0/F1", nil, nil, -1},
		{"mã hồ sơ H12-240101-0001", nil, nil, -1},
		{"tệp 03-NQ/TU.pdf", nil, nil, -1},
		{"ABC03-NQ/TU", nil, nil, -1},
	}
	for _, tt := range tests {
		got := FindCitations(tt.in)
		var spans, keys []string
		for _, c := range got {
			spans = append(spans, tt.in[c.Start:c.End])
			keys = append(keys, c.Key)
		}
		if strings.Join(spans, "|") != strings.Join(tt.want, "|") || strings.Join(keys, "|") != strings.Join(tt.keys, "|") {
			t.Errorf("%q: got spans %q keys %q, want %q %q", tt.in, spans, keys, tt.want, tt.keys)
			continue
		}
		if tt.year >= 0 && len(got) > 0 && got[0].Year != tt.year {
			t.Errorf("%q: year %d, want %d", tt.in, got[0].Year, tt.year)
		}
	}
}

func TestLinkHTML(t *testing.T) {
	resolve := func(c Citation) (Target, bool) {
		if c.Key == "03nqtu" {
			return Target{URL: "/van-ban/1-nghi-quyet-03-nq-tu", Title: "Nghị quyết số 03-NQ/TU"}, true
		}
		return Target{}, false
	}
	in := `<p>Theo <strong>Nghị quyết số 03-NQ/TU</strong> và Kết luận số 436-KL/TU.</p>` +
		`<p><a href="/x">Nghị quyết số 03-NQ/TU</a> <img alt="Nghị quyết số 03-NQ/TU" src="/a.png"></p>` +
		`<p title="03-NQ/TU>">NQ 03-NQ/TU</p><!-- 03-NQ/TU --><pre>03-NQ/TU</pre>`
	got := LinkHTML(in, resolve)
	want := `<p>Theo <strong><a class="cite" href="/van-ban/1-nghi-quyet-03-nq-tu" title="Nghị quyết số 03-NQ/TU">Nghị quyết số 03-NQ/TU</a></strong> và Kết luận số 436-KL/TU.</p>` +
		`<p><a href="/x">Nghị quyết số 03-NQ/TU</a> <img alt="Nghị quyết số 03-NQ/TU" src="/a.png"></p>` +
		`<p title="03-NQ/TU>"><a class="cite" href="/van-ban/1-nghi-quyet-03-nq-tu" title="Nghị quyết số 03-NQ/TU">NQ 03-NQ/TU</a></p><!-- 03-NQ/TU --><pre>03-NQ/TU</pre>`
	if got != want {
		t.Errorf("LinkHTML:\n got %s\nwant %s", got, want)
	}
	if n := len(CitationsInHTML(in)); n != 3 {
		t.Errorf("CitationsInHTML found %d, want 3 (two in text, one outside links)", n)
	}
}

func TestKeyAndDates(t *testing.T) {
	for _, s := range []string{"03-NQ/TU", "03 NQ TU", "03nqtu", "03–nq/tu", "03.NQ.TU"} {
		if Key(s) != "03nqtu" {
			t.Errorf("Key(%q) = %q", s, Key(s))
		}
	}
	if Key("766/QĐ-TTg") != "766qdttg" {
		t.Error(Key("766/QĐ-TTg"))
	}
	d := &Document{}
	err := Apply(d, Draft{Number: "03-NQ/TU", Type: "Nghị quyết", Issuer: "Tỉnh ủy", Abstract: "Về CCHC", IssueDate: "21/01/2021", EffectiveDate: "20/01/2021", ExpiryDate: "2021-01-01"})
	v, ok := err.(ValidationError)
	if !ok || v["effective_date"] == "" || v["expiry_date"] == "" {
		t.Fatalf("dates out of order: %v", err)
	}
	err = Apply(d, Draft{Number: "03-NQ/TU", Type: "Nghị quyết", Issuer: "Tỉnh ủy", Abstract: "Về CCHC", IssueDate: "21/01/2021", EffectiveDate: "21/1/2021"})
	if err != nil || d.IssueDate != "2021-01-21" || d.EffectiveDate != "2021-01-21" {
		t.Fatalf("valid: %v %+v", err, d)
	}
	if d.Validity("2026-01-01") != ValidInForce {
		t.Error(d.Validity("2026-01-01"))
	}
	err = Apply(d, Draft{Number: strings.Repeat("9", 61), Type: "Loại lạ", Abstract: strings.Repeat("á", 2001), IssueDate: "31/02/2021"})
	v, _ = err.(ValidationError)
	for _, k := range []string{"number", "type", "issuer", "abstract", "issue_date"} {
		if v[k] == "" {
			t.Errorf("no message for %s: %v", k, v)
		}
	}
}
