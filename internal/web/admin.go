package web

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/visitors"
)

// adminPage is what every newsroom page has.
type adminPage struct {
	Site    news.Site
	User    *auth.User
	CSRF    string
	Title   string
	Flash   string
	Nav     string
	Version string
}

// flashes are the confirmations a redirect may ask for by key, so no text
// from the URL is ever shown.
var flashes = map[string]string{
	"luu":       "Đã lưu bài viết.",
	"gui":       "Đã gửi bài viết chờ duyệt.",
	"xuat-ban":  "Đã xuất bản bài viết.",
	"hen-gio":   "Đã hẹn giờ xuất bản.",
	"tra-lai":   "Đã trả lại bài viết cho biên tập viên.",
	"go":        "Đã gỡ bài viết khỏi cổng (chuyển về nháp).",
	"thung-rac": "Đã chuyển bài viết vào thùng rác.",
	"khoi-phuc": "Đã khôi phục bài viết (về trạng thái nháp).",
	"phien-ban": "Đã khôi phục phiên bản cũ thành một bản lưu mới.",
	"luu-2fa":   "Đã lưu thiết lập xác thực hai bước.",
	// Users, settings, categories, account.
	"tao-nguoi-dung":     "Đã tạo tài khoản. Hãy báo mật khẩu ban đầu cho người dùng qua kênh an toàn.",
	"luu-nguoi-dung":     "Đã lưu thông tin người dùng.",
	"dat-lai-mat-khau":   "Đã đặt lại mật khẩu; người dùng đã bị đăng xuất khỏi mọi thiết bị.",
	"tat-2fa-nguoi-dung": "Đã tắt xác thực hai bước của người dùng; họ đã bị đăng xuất khỏi mọi thiết bị.",
	"thu-hoi-ma":         "Đã thu hồi mã API.",
	"luu-cai-dat":        "Đã lưu cài đặt. Trang công khai của cổng đã được cập nhật.",
	"tao-chuyen-muc":     "Đã thêm chuyên mục.",
	"luu-chuyen-muc":     "Đã lưu chuyên mục.",
	"xoa-chuyen-muc":     "Đã xóa chuyên mục.",
	"doi-mat-khau":       "Đã đổi mật khẩu. Mọi phiên đăng nhập đã kết thúc; vui lòng đăng nhập lại bằng mật khẩu mới.",
}

func (s *Server) newAdminPage(r *http.Request, title string) adminPage {
	p := adminPage{Title: title, User: userFrom(r.Context()), Version: s.version, Flash: flashes[r.URL.Query().Get("tb")]}
	if d, err := s.site(r.Context()); err == nil {
		p.Site = d.site
	}
	if si := sessionFrom(r.Context()); si != nil {
		p.CSRF = si.csrf
	}
	return p
}

func vnDate(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("02/01/2006 15:04")
}

// inputTime is the value of an <input type="datetime-local">, in +07:00.
func inputTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2006-01-02T15:04")
}

func (s *Server) renderAdmin(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := s.adminTmpl[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return nil
}

type dashboardPage struct {
	adminPage
	MyDrafts  []news.Article
	Pending   []news.Article
	Recent    []news.Article
	MostViews []news.Article
	// LocalBaseURL: --base-url left at a local address, so printed links
	// and QR codes lead nowhere for citizens.
	LocalBaseURL bool
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u := userFrom(ctx)
	if u.Role == auth.RoleOfficer {
		// The newsroom dashboard has nothing for the one-stop desk.
		http.Redirect(w, r, "/quan-tri/ho-so", http.StatusSeeOther)
		return nil
	}
	p := &dashboardPage{adminPage: s.newAdminPage(r, "Bảng điều khiển")}
	p.Nav = "home"
	p.LocalBaseURL = u.Role == auth.RoleAdmin && config.LocalBaseURL(s.baseURL)
	var err error
	if auth.Can(u, auth.ActCreate, nil) {
		mine, _, err := s.st.AdminArticles(ctx, store.AdminFilter{SiteID: s.siteID, AuthorID: u.ID, Status: news.StatusDraft, Limit: 10})
		if err != nil {
			return err
		}
		returned, _, err := s.st.AdminArticles(ctx, store.AdminFilter{SiteID: s.siteID, AuthorID: u.ID, Status: news.StatusReturned, Limit: 10})
		if err != nil {
			return err
		}
		p.MyDrafts = append(returned, mine...)
		if p.Pending, _, err = s.st.AdminArticles(ctx, store.AdminFilter{SiteID: s.siteID, Status: news.StatusPending, Limit: 10}); err != nil {
			return err
		}
	}
	if p.Recent, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: s.siteID, Limit: 8}); err != nil {
		return err
	}
	today, _ := visitors.Day(time.Now(), s.loc)
	if p.MostViews, err = s.st.MostViewedToday(ctx, s.siteID, today, 8); err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "dashboard", p)
}
