package demo

import (
	"context"
	"errors"
	mrand "math/rand/v2"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
)

// Demo ratings: about three in four returned demo dossiers get a citizen's
// rating, given a few hours to a few days after the result was handed back,
// so /thong-ke/danh-gia and the officers' page have figures. Dossiers are
// read back from the database, whatever made them: the answers lean
// satisfied, as published provincial figures do, and a dossier returned
// late is rated lower on processing time. The comments are original.

var demoComments = []string{
	"",
	"",
	"",
	"Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.",
	"Thủ tục nhanh gọn, không phải đi lại nhiều lần.",
	"Thông tin thủ tục trên cổng rõ ràng, dễ làm theo.",
	"Phải chờ khá lâu ở quầy, đề nghị bố trí thêm người tiếp nhận vào buổi sáng.",
	"Nộp trực tuyến thuận tiện, nhận được thông báo kịp thời.",
	"Trả kết quả chậm hơn ngày hẹn nhưng có phiếu xin lỗi và hẹn lại.",
	"Đề nghị niêm yết mẫu tờ khai có hướng dẫn cách ghi.",
}

// Ratings rates the site's returned demo dossiers that have no rating yet
// and reports how many it added. It is deterministic for a given set of
// dossiers, and running it again adds nothing.
func Ratings(ctx context.Context, st *store.Store, siteID int64, now time.Time) (int, error) {
	cal := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
	rnd := mrand.New(mrand.NewPCG(2026, 10))
	added := 0
	for off := 0; ; off += 200 {
		list, _, err := st.DossierQueue(ctx, store.QueueFilter{SiteID: siteID, AllUnits: true, Status: dossier.Returned, Limit: 200, Offset: off})
		if err != nil {
			return added, err
		}
		for _, d := range list {
			if rnd.IntN(4) == 0 {
				continue // not everyone rates
			}
			late := dossier.Classify(&d, now, cal) == dossier.Late
			r := rating.Rating{DossierID: d.ID, SiteID: siteID, Scores: map[string]rating.Level{},
				Comment: demoComments[rnd.IntN(len(demoComments))]}
			base := []rating.Level{5, 5, 5, 4, 4, 4, 4, 4, 3, 2}[rnd.IntN(10)]
			for _, c := range rating.Criteria {
				l := base
				if c.Key != rating.Overall {
					l += []rating.Level{-1, 0, 0, 1}[rnd.IntN(4)]
				}
				if c.Key == rating.Time && late {
					l -= 2
				}
				if c.Key == rating.Complaints && rnd.IntN(5) != 0 {
					continue // most people filed no complaint
				}
				r.Scores[c.Key] = min(max(l, rating.VeryDissatisfied), rating.VerySatisfied)
			}
			at := d.ReturnedAt
			if at.IsZero() {
				at = d.UpdatedAt
			}
			r.CreatedAt = at.Add(time.Duration(1+rnd.IntN(72)) * time.Hour)
			if r.CreatedAt.After(now) {
				r.CreatedAt = now
			}
			switch err := st.CreateRating(ctx, &r); {
			case errors.Is(err, store.ErrRated):
			case err != nil:
				return added, err
			default:
				added++
			}
		}
		if len(list) < 200 {
			return added, nil
		}
	}
}
