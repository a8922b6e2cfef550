package legaldoc

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congportal/cong/internal/news"
	"golang.org/x/text/unicode/norm"
)

// memSaver keeps saved documents and refuses a repeated (issuer, key, year)
// as the store does.
type memSaver struct {
	docs []Document
	seen map[string]bool
}

func (m *memSaver) SaveDocument(_ context.Context, d *Document, _ []File) error {
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	k := d.Issuer + "\x00" + d.Key + "\x00" + d.IssueDate[:4]
	if m.seen[k] {
		return ErrDuplicate
	}
	m.seen[k] = true
	m.docs = append(m.docs, *d)
	return nil
}

// FuzzImportCSV: any file is imported whole or refused with row-numbered
// reasons and nothing counted; what is imported is valid, normalised text,
// and writing it out as CSV and importing again gives the same documents.
func FuzzImportCSV(f *testing.F) {
	f.Add([]byte("Số ký hiệu,Loại văn bản,Cơ quan ban hành,Trích yếu,Ngày ban hành\n03-NQ/TU,Nghị quyết,Tỉnh ủy,Về cải cách hành chính,21/01/2021\n"))
	f.Add([]byte("\xef\xbb\xbfso ky hieu;loai;co quan;trich yeu;ngay ban hanh;nguoi ky\n766/QĐ-TTg;quyet dinh;Thủ tướng Chính phủ;\"Về chỉ số; phục vụ\";2022-06-23;Phạm Minh Chính\n"))
	f.Add([]byte("number,type,issuer,abstract,issue_date\n1,Nghị quyết,A,B,31/02/2021\n1,Nghị quyết,A,B,2021-01-01\n1,Nghị quyết,A,B,2021-01-01\n"))
	f.Add([]byte("number,type\n\"unterminated,x\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, in []byte) {
		var m memSaver
		n, err := ImportCSV(context.Background(), bytes.NewReader(in), 1, 2, news.StatusDraft, &m)
		if err != nil {
			var ie ImportError
			if !errors.As(err, &ie) || len(ie) == 0 || n != 0 {
				t.Fatalf("error %T %v with n=%d", err, err, n)
			}
			for _, r := range ie {
				if r.Row < 0 || r.Msg == "" || !utf8.ValidString(r.Msg) {
					t.Fatalf("row error %+v", r)
				}
			}
			return
		}
		if n != len(m.docs) || n == 0 {
			t.Fatalf("imported %d, saved %d", n, len(m.docs))
		}
		var out bytes.Buffer
		w := csv.NewWriter(&out)
		w.Write([]string{"number", "type", "issuer", "signer", "field", "abstract", "issue_date", "effective_date", "expiry_date"})
		for _, d := range m.docs {
			for _, s := range []string{d.Number, d.Type, d.Issuer, d.Signer, d.Field, d.Abstract} {
				if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || s != strings.TrimSpace(s) {
					t.Fatalf("stored text %q not clean", s)
				}
			}
			if d.Number == "" || d.Issuer == "" || d.Abstract == "" || len(d.IssueDate) != 10 || d.SiteID != 1 || d.AuthorID != 2 || d.Status != news.StatusDraft {
				t.Fatalf("stored document %+v", d)
			}
			w.Write([]string{d.Number, d.Type, d.Issuer, d.Signer, d.Field, d.Abstract, d.IssueDate, d.EffectiveDate, d.ExpiryDate})
		}
		w.Flush()
		var m2 memSaver
		if _, err := ImportCSV(context.Background(), &out, 1, 2, news.StatusDraft, &m2); err != nil {
			t.Fatalf("re-importing what was imported: %v", err)
		}
		if !reflect.DeepEqual(m2.docs, m.docs) {
			t.Fatalf("round trip changed the documents:\n%+v\n%+v", m.docs, m2.docs)
		}
	})
}
