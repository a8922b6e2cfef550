package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
)

func TestImportProceduresCommand(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	file := "../../internal/catalogue/testdata/thu-tuc.csv"
	args := []string{"import", "procedures", "--data", data, file}
	// No units yet: every row is refused with its number, nothing written.
	err := run(ctx, args, io.Discard, io.Discard, noenv)
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "Dòng 2: không tìm thấy cơ quan thực hiện “XHA”") || !strings.Contains(err.Error(), "Dòng 4:") {
		t.Fatalf("without units: %v", err)
	}
	st, err := store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	site, err := st.EnsureSite(ctx, defaultSite)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateUnit(ctx, &catalogue.Unit{SiteID: site.ID, Code: "XHA", Name: "UBND xã Hòa An", Kind: catalogue.KindCommune}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out bytes.Buffer
	if err := run(ctx, args, &out, io.Discard, noenv); err != nil || !strings.Contains(out.String(), "2 thủ tục thêm mới, 0 thủ tục cập nhật") {
		t.Fatalf("import: %v %s", err, out.String())
	}
	out.Reset()
	if err := run(ctx, args, &out, io.Discard, noenv); err != nil || !strings.Contains(out.String(), "0 thủ tục thêm mới, 2 thủ tục cập nhật") {
		t.Fatalf("again: %v %s", err, out.String())
	}
	if err := run(ctx, []string{"import", "procedures", "--data", data}, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
		t.Fatalf("no file: %v", err)
	}
	if err := run(ctx, []string{"import", "procedures", "--data", data, "/khong/co.xlsx"}, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
		t.Fatalf("missing file: %v", err)
	}
	st, _ = store.Open(ctx, "", data)
	defer st.Close()
	p, err := st.Procedure(ctx, site.ID, "1.000894")
	if err != nil || len(p.Components) != 2 || p.Components[0].Copies != 2 || p.Components[0].Name != "Tờ khai đăng ký kết hôn 02 bản" || p.Level != catalogue.LevelPartial || !p.Published {
		t.Fatalf("stored %+v %v", p, err)
	}
}
