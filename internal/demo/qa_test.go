package demo

import (
	"context"
	"testing"
	"time"

	"github.com/congportal/cong/internal/institution"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestDemoQA(t *testing.T) {
	ctx := context.Background()
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := Load(ctx, s, site.ID); !ok || err != nil {
			t.Fatalf("load: %v %v", ok, err)
		}
		counts, err := s.QuestionCounts(ctx, site.ID)
		if err != nil || counts[qa.StatusPublished] != 10 || counts[qa.StatusNew] != 2 {
			t.Fatalf("questions: %v %v", counts, err)
		}
		fields := map[string]bool{}
		published, _, _ := s.Questions(ctx, store.QuestionFilter{SiteID: site.ID, Status: qa.StatusPublished, Limit: 50})
		for _, q := range published {
			if q.AnswerHTML == "" || q.PublishedAt.IsZero() || qa.FieldName(q.Field) == "" {
				t.Errorf("question %q: %+v", q.Title, q)
			}
			fields[q.Field] = true
		}
		if len(fields) < 5 {
			t.Errorf("answers in only %d fields", len(fields))
		}
		cs, err := s.Consultations(ctx, site.ID)
		if err != nil || len(cs) != 2 {
			t.Fatalf("consultations: %d %v", len(cs), err)
		}
		today := time.Now().In(hcm()).Format(time.DateOnly)
		states := map[string]bool{}
		for _, c := range cs {
			states[c.State(today)] = true
		}
		if !states[qa.ConsultOpen] || !states[qa.ConsultClosed] {
			t.Errorf("consultation states %v", states)
		}
		stamps, err := s.InstPageStamps(ctx, site.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range institution.PageKinds {
			vi, ok := stamps[k.Code+"/vi"]
			if !ok {
				t.Errorf("no Vietnamese page %s", k.Code)
			}
			if k.EnSlug != "" {
				en, ok := stamps[k.Code+"/en"]
				if st := institution.TranslationState(k, vi, ok, en); st != institution.TranslationOK {
					t.Errorf("%s: English page %q", k.Code, st)
				}
			}
		}
		lead, err := s.InstPage(ctx, site.ID, "lanh-dao", "vi")
		if err != nil || len(lead.People) != 3 {
			t.Errorf("leaders: %+v %v", lead.People, err)
		}
		contactEN, err := s.InstPage(ctx, site.ID, "lien-he", "en")
		if err != nil || contactEN.SourceID == 0 || len(contactEN.People) == 0 {
			t.Errorf("English contact page: %+v %v", contactEN, err)
		}
	})
}
