package mail

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/congportal/cong/internal/dossier"
)

// The texts follow the desk's paper forms in tone (TT 01/2018): formal,
// addressed to "Ông/Bà", naming the dossier code the citizen will quote at
// the counter. Plain text only: every mail client shows it, it cannot carry
// tracking or remote content, and it reads well on a phone.

type tmpl struct{ subject, body string }

var texts = map[Kind]tmpl{
	Received: {
		subject: `Hồ sơ {{.Code}} đã được tiếp nhận`,
		body: `Kính gửi Ông/Bà {{.Applicant}},

{{.UnitOr}} đã tiếp nhận hồ sơ của Ông/Bà lúc {{time .At}}.

Mã hồ sơ: {{.Code}}
Thủ tục: {{.Procedure}}
{{- if not .DueAt.IsZero}}
Ngày hẹn trả kết quả: {{time .DueAt}}{{end}}

Ông/Bà theo dõi tình trạng hồ sơ tại:
{{.LookupURL}}
`},
	Supplement: {
		subject: `Hồ sơ {{.Code}} cần bổ sung, hoàn thiện`,
		body: `Kính gửi Ông/Bà {{.Applicant}},

Hồ sơ {{.Code}} ({{.Procedure}}) cần được bổ sung, hoàn thiện.

Nội dung cần bổ sung:
{{.Reason}}

Thời gian chờ Ông/Bà bổ sung không tính vào thời hạn giải quyết. Ông/Bà bổ sung qua đường liên kết riêng nhận được khi nộp hồ sơ, qua mục “Hồ sơ của tôi” sau khi đăng nhập tài khoản công dân:
{{.AccountURL}}
hoặc trực tiếp tại Bộ phận Một cửa{{if .Unit}} của {{.Unit}}{{end}}.

Tình trạng hồ sơ:
{{.LookupURL}}
`},
	Refused: {
		subject: `Hồ sơ {{.Code}} không được tiếp nhận`,
		body: `Kính gửi Ông/Bà {{.Applicant}},

{{.UnitOr}} rất tiếc không tiếp nhận hồ sơ {{.Code}} ({{.Procedure}}).

Lý do:
{{.Reason}}

Ông/Bà có thể nộp lại hồ sơ sau khi khắc phục nội dung trên. Tình trạng hồ sơ:
{{.LookupURL}}
`},
	Apology: {
		subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{.Code}}`,
		body: `Kính gửi Ông/Bà {{.Applicant}},

{{.UnitOr}} chân thành xin lỗi Ông/Bà: hồ sơ {{.Code}} ({{.Procedure}}) chưa giải quyết xong đúng hẹn{{if not .DueAt.IsZero}} ngày {{date .DueAt}}{{end}}.
{{- if .Reason}}

Lý do:
{{.Reason}}{{end}}
{{- if not .NewDueAt.IsZero}}

Ngày hẹn trả kết quả mới: {{time .NewDueAt}}{{end}}

Mong Ông/Bà thông cảm. Tình trạng hồ sơ:
{{.LookupURL}}
`},
	Finished: {
		subject: `Hồ sơ {{.Code}} đã có kết quả`,
		body: `Kính gửi Ông/Bà {{.Applicant}},

Hồ sơ {{.Code}} ({{.Procedure}}) đã được giải quyết xong lúc {{time .At}}.

Mời Ông/Bà nhận kết quả tại Bộ phận Một cửa{{if .Unit}} của {{.Unit}}{{end}}, hoặc theo hình thức đã đăng ký khi nộp hồ sơ. Khi đến, xin mang theo giấy tiếp nhận hồ sơ hoặc giấy tờ tùy thân.

Tình trạng hồ sơ:
{{.LookupURL}}
`},
	Returned: {
		subject: `Hồ sơ {{.Code}} đã trả kết quả`,
		body: `Kính gửi Ông/Bà {{.Applicant}},

Kết quả giải quyết hồ sơ {{.Code}} ({{.Procedure}}) đã được trả cho Ông/Bà lúc {{time .At}}.

Cảm ơn Ông/Bà đã sử dụng dịch vụ. Ông/Bà có thể đánh giá mức độ hài lòng qua đường liên kết riêng nhận được khi nộp hồ sơ; ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.

{{.LookupURL}}
`},
	PrivateLink: {
		subject: `Đường dẫn riêng của hồ sơ {{.Code}}`,
		body: `Kính gửi Ông/Bà {{.Applicant}},

Cổng dịch vụ công vừa nhận yêu cầu gửi lại đường dẫn riêng của hồ sơ {{.Code}} ({{.Procedure}}). Đường dẫn mới:
{{.PrivateURL}}

Đường dẫn này thay cho đường dẫn cũ (đường dẫn cũ không dùng được nữa). Ai có đường dẫn này xem được hồ sơ của Ông/Bà: xin đừng chuyển cho người khác.

Nếu Ông/Bà không yêu cầu, xin bỏ qua thư này; hồ sơ vẫn an toàn.
`},
	CitizenCode: {
		subject: `Mã đăng nhập Cổng dịch vụ công: {{.Token}}`,
		body: `Kính gửi Ông/Bà,

Mã đăng nhập tài khoản công dân của Ông/Bà là:

    {{.Token}}

Mã dùng được một lần trong 10 phút. Không cung cấp mã này cho bất kỳ ai, kể cả người xưng là cán bộ.

Nếu Ông/Bà không yêu cầu đăng nhập, xin bỏ qua thư này; tài khoản vẫn an toàn.
`},
	OfficerNew: {
		subject: `Hồ sơ trực tuyến mới {{.Code}}`,
		body: `Có hồ sơ nộp trực tuyến mới cần xử lý:

Mã hồ sơ: {{.Code}}
Thủ tục: {{.Procedure}}
Đơn vị: {{.Unit}}
Người nộp: {{.Applicant}}
Thời điểm nộp: {{time .At}}

Hồ sơ trực tuyến phải được tiếp nhận, từ chối hoặc yêu cầu bổ sung trong 8 giờ làm việc.
{{.DeskURL}}
`},
	OfficerNearDue: {
		subject: `Hồ sơ {{.Code}} sắp đến hạn trả kết quả`,
		body: `Hồ sơ sau còn không quá một ngày làm việc đến hạn trả kết quả:

Mã hồ sơ: {{.Code}}
Thủ tục: {{.Procedure}}
Đơn vị: {{.Unit}}
Người nộp: {{.Applicant}}
Ngày hẹn trả kết quả: {{time .DueAt}}

Nếu không kịp trả đúng hẹn, đề nghị lập Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04).
{{.DeskURL}}
`},
}

var funcs = template.FuncMap{
	"time": func(t time.Time) string { return t.In(dossier.Loc).Format("15:04 ngày 02/01/2006") },
	"date": func(t time.Time) string { return t.In(dossier.Loc).Format("02/01/2006") },
}

type parsed struct{ subject, body *template.Template }

var templates = func() map[Kind]parsed {
	out := map[Kind]parsed{}
	for k, t := range texts {
		out[k] = parsed{
			subject: template.Must(template.New(string(k)).Funcs(funcs).Option("missingkey=error").Parse(t.subject)),
			body:    template.Must(template.New(string(k)).Funcs(funcs).Option("missingkey=error").Parse(t.body)),
		}
	}
	return out
}()

// view is what the templates see: the stored facts plus the links, which
// depend on the instance's configured base URL.
type view struct {
	Data
	LookupURL  string
	DeskURL    string
	PrivateURL string
	AccountURL string // the signed-in citizen's list of dossiers
}

// UnitOr is the unit's name, or a generic one for dossiers whose unit name
// was not recorded.
func (v view) UnitOr() string {
	if v.Unit != "" {
		return v.Unit
	}
	return "Bộ phận Một cửa"
}

// Rendered is a notification's text.
type Rendered struct {
	Subject string
	Body    string
}

// Render fills the kind's template. baseURL is the portal's public address
// (no trailing slash); the footer names the site so the citizen knows who
// writes.
func Render(k Kind, d Data, baseURL string) (Rendered, error) {
	t, ok := templates[k]
	if !ok {
		return Rendered{}, fmt.Errorf("không có mẫu thư cho loại %q", k)
	}
	baseURL = strings.TrimRight(baseURL, "/")
	v := view{Data: d,
		LookupURL:  baseURL + "/tra-cuu?ma=" + url.QueryEscape(d.Code),
		DeskURL:    baseURL + "/quan-tri/ho-so/" + strconv.FormatInt(d.DossierID, 10),
		AccountURL: baseURL + "/cong-dan/ho-so"}
	if d.Token != "" && k == PrivateLink {
		v.PrivateURL = baseURL + "/ho-so-cua-toi/" + d.Token
	}
	var subj, body strings.Builder
	if err := t.subject.Execute(&subj, v); err != nil {
		return Rendered{}, err
	}
	if err := t.body.Execute(&body, v); err != nil {
		return Rendered{}, err
	}
	body.WriteString("\n-- \n")
	if d.Site != "" {
		body.WriteString(d.Site + "\n")
	}
	body.WriteString("Thư này được gửi tự động, xin đừng trả lời.\n")
	// A subject is one line: a reason typed with a newline must not be able
	// to add a header.
	return Rendered{Subject: strings.Join(strings.Fields(subj.String()), " "), Body: body.String()}, nil
}
