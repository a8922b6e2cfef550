package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportDocumentsCommand(t *testing.T) {
	data := t.TempDir()
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if err := run(context.Background(), []string{"migrate", "--data", data}, io.Discard, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"import", "documents"}, {"import", "documents", "--data", data, "/khong/co/tep.csv"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
			t.Errorf("%q: exit %d (%v), want 2", args, exitCode(err), err)
		}
	}
	bad := write("bad.csv", "Số ký hiệu,Loại văn bản,Cơ quan ban hành,Trích yếu,Ngày ban hành\n"+
		"03-NQ/TU,Nghị quyết,Tỉnh ủy,Về CCHC,21/01/2021\n"+
		"04-NQ/TU,Nghị quyết,Tỉnh ủy,Về CĐS,30/02/2021\n")
	err := run(context.Background(), []string{"import", "documents", "--data", data, bad}, io.Discard, io.Discard, noenv)
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "Dòng 3: Ngày ban hành không hợp lệ") {
		t.Fatalf("bad file: %v", err)
	}
	good := write("good.csv", "Số ký hiệu,Loại văn bản,Cơ quan ban hành,Trích yếu,Ngày ban hành\n"+
		"03-NQ/TU,Nghị quyết,Tỉnh ủy,Về CCHC,21/01/2021\n"+
		"04-NQ/TU,Nghị quyết,Tỉnh ủy,Về CĐS,28/02/2021\n")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"import", "documents", "--data", data, good}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Đã nhập 2 văn bản") {
		t.Fatalf("summary: %s", out.String())
	}
	// The bad file imported nothing, the good one both rows: importing it
	// again finds every number taken.
	err = run(context.Background(), []string{"import", "documents", "--data", data, good}, io.Discard, io.Discard, noenv)
	if err == nil || !strings.Contains(err.Error(), "Dòng 2: số ký hiệu 03-NQ/TU") {
		t.Fatalf("second import: %v", err)
	}
}
