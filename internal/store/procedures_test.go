package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/viet"
)

func TestCatalogueStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		prov := catalogue.Unit{SiteID: st.ID, Code: "TNB", Name: "UBND tỉnh Tây Nguyên Bắc", Kind: catalogue.KindProvince}
		if err := s.CreateUnit(ctx, &prov); err != nil {
			t.Fatal(err)
		}
		tp := catalogue.Unit{SiteID: st.ID, ParentID: prov.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment, Position: 1}
		if err := s.CreateUnit(ctx, &tp); err != nil {
			t.Fatal(err)
		}
		gone := catalogue.Unit{SiteID: st.ID, ParentID: prov.ID, Code: "HDL", Name: "UBND huyện Đắk Lông", Kind: catalogue.KindDistrict,
			ValidFrom: time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
		if err := s.CreateUnit(ctx, &gone); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateUnit(ctx, &catalogue.Unit{SiteID: st.ID, Code: "STP", Name: "x", Kind: catalogue.KindAgency}); !errors.Is(err, store.ErrUnitCodeTaken) {
			t.Fatalf("duplicate code: %v", err)
		}
		got, err := s.Unit(ctx, st.ID, gone.ID)
		if err != nil || !got.ValidTo.Equal(gone.ValidTo) || !got.ValidFrom.Equal(gone.ValidFrom) || got.ParentID != prov.ID || !got.Former() {
			t.Fatalf("unit read back: %v %+v", err, got)
		}
		us, err := s.Units(ctx, st.ID)
		if err != nil || len(us) != 3 {
			t.Fatal(err, us)
		}

		p := catalogue.Procedure{SiteID: st.ID, Code: "1.001193", Slug: "dang-ky-khai-sinh", Name: "Đăng ký khai sinh", Field: "Hộ tịch",
			Level: catalogue.LevelFull, TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Published: true,
			Units:      []catalogue.Unit{{ID: tp.ID}},
			Components: []catalogue.Component{{Name: "Tờ khai đăng ký khai sinh", Required: true, Copies: 1}, {Name: "Giấy chứng sinh", Required: true, Copies: 1}}}
		if err := s.SaveProcedure(ctx, &p); err != nil {
			t.Fatal(err)
		}
		keep := p.Components[1].ID
		p.Components = []catalogue.Component{{ID: keep, Name: "Giấy chứng sinh (bản chính)", Required: true, Copies: 1}, {Name: "Văn bản ủy quyền", Copies: 1}}
		if err := s.SaveProcedure(ctx, &p); err != nil {
			t.Fatal(err)
		}
		got2, err := s.Procedure(ctx, st.ID, "1.001193")
		if err != nil || got2.ID != p.ID || len(got2.Components) != 2 || got2.Components[0].ID != keep || got2.Components[0].Name != "Giấy chứng sinh (bản chính)" ||
			len(got2.Units) != 1 || got2.Units[0].Code != "STP" {
			t.Fatalf("procedure read back: %v %+v", err, got2)
		}
		other := catalogue.Procedure{SiteID: st.ID, Code: "1.001193", Slug: "khac", Name: "Khác", Level: catalogue.LevelNone, TimeAmount: 1, TimeUnit: catalogue.TimeDays}
		if err := s.SaveProcedure(ctx, &other); !errors.Is(err, store.ErrProcedureCodeTaken) {
			t.Fatalf("duplicate procedure code: %v", err)
		}
		// A slug collision gets the code appended rather than failing.
		twin := catalogue.Procedure{SiteID: st.ID, Code: "2.000001", Slug: "dang-ky-khai-sinh", Name: "Đăng ký khai sinh có yếu tố nước ngoài", Field: "Hộ tịch", Level: catalogue.LevelPartial, TimeAmount: 15, TimeUnit: catalogue.TimeWorkingDays}
		if err := s.SaveProcedure(ctx, &twin); err != nil || twin.Slug == p.Slug {
			t.Fatalf("slug collision: %v %q", err, twin.Slug)
		}
		search := func(q string, f store.ProcedureFilter) int {
			t.Helper()
			f.SiteID = st.ID
			if q != "" {
				pq, err := viet.ParseQuery(q)
				if err != nil {
					t.Fatal(err)
				}
				f.Query = &pq
			}
			ps, n, err := s.Procedures(ctx, f)
			if err != nil || n < len(ps) {
				t.Fatal(err, n)
			}
			return n
		}
		for _, c := range []struct {
			q    string
			f    store.ProcedureFilter
			want int
		}{
			{"khai sinh", store.ProcedureFilter{}, 2},
			{"KHAI SINH", store.ProcedureFilter{PublishedOnly: true}, 1},
			{"đăng ký", store.ProcedureFilter{Level: catalogue.LevelPartial}, 1},
			{"\"khai sinh có\"", store.ProcedureFilter{}, 1},
			{"kha", store.ProcedureFilter{}, 2},
			{"hai", store.ProcedureFilter{}, 0}, // word starts only
			{"ho tich", store.ProcedureFilter{UnitID: tp.ID}, 1},
			{"1.001193", store.ProcedureFilter{}, 1},
			{"", store.ProcedureFilter{Field: "Hộ tịch"}, 2},
		} {
			if n := search(c.q, c.f); n != c.want {
				t.Errorf("search %q %+v: %d, want %d", c.q, c.f, n, c.want)
			}
		}
		fields, err := s.ProcedureFields(ctx, st.ID, true)
		if err != nil || len(fields) != 1 || fields[0] != "Hộ tịch" {
			t.Fatal(err, fields)
		}
	})
}
