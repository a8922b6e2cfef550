package web

import (
	"net/http"

	"github.com/congportal/cong/internal/institution"
)

// Every route of the portal, in one table grouped by audience. A route's
// middleware is written out where it is registered, so what guards a URL is
// read in one line: renamedPeriod (statistics pages' old parameter
// names, stats_period.go), staff (session, CSRF, two-step), bearer (API token),
// capped (an upload route's body cap, answered in its own words:
// request.go). The
// server-wide layers (headers, per-client cap, URL length, panics, body
// caps, cross-origin check, the article fast path) are added in routes().

type route struct {
	pattern string
	h       handlerFunc
}

// sections are the handler groups that hold templates or caches of their
// own besides the Server.
type sections struct {
	desk      *officerDesk
	catalogue *catalogueDesk
	citizen   *citizenDesk
	dossiers  *statsDossiers
	ratings   *ratingStats
}

func (s *Server) routeTable(x sections) []route {
	o, c, cd := x.desk, x.catalogue, x.citizen
	notFound := func(w http.ResponseWriter, r *http.Request) error { return errNotFound() }
	t := []route{
		// Public portal: news, legal documents, Q&A, consultations,
		// statistics, and the plumbing every site has.
		{"GET /{$}", s.home},
		{"GET /chuyen-muc/{slug}", s.category},
		{"GET /chuyen-muc/{slug}/rss.xml", s.categoryFeed},
		{articlePattern, s.article},
		{"GET /bai-viet/{slug}/in", s.articlePrint},
		{"GET /trang/{slug}", s.staticPage},
		{"GET /tim-kiem", s.search},
		{"GET /rss.xml", s.feed},
		{"GET /sitemap.xml", s.sitemap},
		{"GET /so-do-trang", s.siteMapPage},
		{"GET /robots.txt", plain(s.robots)},
		{"GET /healthz", plain(s.healthz)},
		{"GET /metrics", plain(s.metricsHandler)},
		{"GET /static/{file}", s.static},
		{"GET /media/{name}", s.serveMedia},
		{"GET /van-ban", s.documentsList},
		{"GET /van-ban/{ref}", s.documentDetail},
		{"GET /van-ban/{ref}/in", s.documentPrint},
		{"GET /van-ban/{ref}/tep/{file}", s.documentFile},
		// /hoi-dap/{ref}/{action} serves both the tracking page
		// (/hoi-dap/theo-doi/{token}) and the print view (/hoi-dap/{id}/in):
		// as two patterns they would overlap on /hoi-dap/theo-doi/in.
		{"GET /hoi-dap", s.qaList},
		{"GET /hoi-dap/dat-cau-hoi", s.qaAskForm},
		{"POST /hoi-dap/dat-cau-hoi", s.qaAsk},
		{"GET /hoi-dap/{ref}", s.qaDetail},
		{"GET /hoi-dap/{ref}/{action}", s.qaSub},
		{"GET /lay-y-kien", s.consultList},
		{"GET /lay-y-kien/{ref}", s.consultDetail},
		{"POST /lay-y-kien/{ref}", s.consultFeedback},
		{"GET /en/{$}", plain(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/en/organisation", http.StatusFound)
		})},
		{"GET /en/{slug}", s.institutionEN},
		{"GET /thong-ke", renamedPeriod(x.dossiers.page)},
		{"GET /thong-ke/tai-ve.csv", renamedPeriod(x.dossiers.csv)},
		{"GET /thong-ke/tai-ve.xlsx", renamedPeriod(x.dossiers.xlsx)},
		{"GET /thong-ke/danh-gia", renamedPeriod(x.ratings.page)},

		// Citizen desk (một cửa): the catalogue, submission, the private
		// dossier page, the public lookup.
		{"GET /thu-tuc", c.list},
		{"GET /thu-tuc/{slug}", c.detail},
		{"GET /thu-tuc/{slug}/mau/{component}", c.templateFile},
		{"GET /nop-ho-so/{procedure}", cd.submitForm},
		{"POST /nop-ho-so/{procedure}", cd.submit},
		{"GET /ho-so-cua-toi", cd.findForm},
		{"POST /ho-so-cua-toi", cd.find},
		{"GET /ho-so-cua-toi/{token}", cd.myDossier},
		{"GET /ho-so-cua-toi/{token}/bien-nhan", cd.receipt},
		{"GET /ho-so-cua-toi/{token}/tep/{id}", cd.myFile},
		{"GET /ho-so-cua-toi/{token}/mau/{form}", cd.myForm},
		{"POST /ho-so-cua-toi/{token}/bo-sung", cd.supplement},
		{"POST /ho-so-cua-toi/{token}/rut", cd.withdraw},
		{"POST /ho-so-cua-toi/{token}/sms", cd.smsChoice},
		{"POST /ho-so-cua-toi/{token}/danh-gia", cd.rate},
		{"POST /ho-so-cua-toi/{token}/thanh-toan/{id}", cd.myPay},
		{"GET /ho-so-cua-toi/{token}/bien-lai/{pid}", cd.myPaymentReceipt},
		{"GET /thanh-toan/ket-qua", cd.payReturn},
		{"GET /thanh-toan/ipn", cd.payIPN},
		{"GET /tra-cuu", cd.lookup},
		{"GET /xac-thuc", cd.verify},
		{"POST /xac-thuc", s.capped(cd.verifyFile)},

		// Citizens' accounts (citizen_account.go, citizen_oidc.go,
		// citizen_papers.go): sign-in, "Hồ sơ của tôi" (each dossier by the
		// private page's handlers), the data store. signedIn checks the
		// session and, on unsafe methods, its CSRF token (true: the handler
		// checks it after the fields that precede the files).
		{"GET /cong-dan/dang-nhap", cd.signInForm},
		{"POST /cong-dan/dang-nhap", cd.sendCode},
		{"POST /cong-dan/dang-nhap/ma", cd.verifyCode},
		{"GET /cong-dan/dang-nhap/oidc", cd.oidcStart},
		{"GET " + oidcCallback, cd.oidcCallback},
		{"POST /cong-dan/dang-xuat", cd.signedIn(cd.signOut, false)},
		{"POST /cong-dan/dang-xuat-tat-ca", cd.signedIn(cd.signOutEverywhere, false)},
		{"GET /cong-dan/ho-so", cd.signedIn(cd.myDossiers, false)},
		{"GET /cong-dan/ho-so/{code}", cd.signedIn(cd.myDossier, false)},
		{"GET /cong-dan/ho-so/{code}/tep/{id}", cd.signedIn(cd.myFile, false)},
		{"GET /cong-dan/ho-so/{code}/mau/{form}", cd.signedIn(cd.myForm, false)},
		{"POST /cong-dan/ho-so/{code}/bo-sung", cd.signedIn(cd.supplement, true)},
		{"POST /cong-dan/ho-so/{code}/rut", cd.signedIn(cd.withdraw, false)},
		{"POST /cong-dan/ho-so/{code}/danh-gia", cd.signedIn(cd.rate, false)},
		{"POST /ho-so-cua-toi/{token}/them-vao-tai-khoan", cd.signedIn(cd.claim, false)},
		{"GET /cong-dan/kho-du-lieu", cd.signedIn(cd.papers, false)},
		{"GET /cong-dan/kho-du-lieu/{id}", cd.signedIn(cd.paperFile, false)},
		{"POST /cong-dan/kho-du-lieu/{id}/xoa", cd.signedIn(cd.deletePaper, false)},

		// JSON API: reads are public, writes take a bearer token.
		{"GET /api/v1/articles", s.apiArticles},
		{"GET /api/v1/articles/{id}", s.apiArticle},
		{"POST /api/v1/articles", s.bearer(s.apiCreateArticle)},
		{"PUT /api/v1/articles/{id}", s.bearer(s.apiUpdateArticle)},
		{"DELETE /api/v1/articles/{id}", s.bearer(s.apiDeleteArticle)},
		{"POST /api/v1/articles/{id}/share", s.bearer(s.apiProposeShare)},
		{"DELETE /api/v1/articles/{id}/share", s.bearer(s.apiWithdrawShare)},
		{"GET /api/v1/shares", s.bearer(s.apiShares)},
		{"POST /api/v1/shares/{id}/{action}", s.bearer(s.apiDecideShare)},
		{"GET /api/v1/stats", s.apiStats},
		{"GET /api/v1/search", s.apiSearch},
		{"POST /api/v1/media", s.bearer(s.needUpload(s.capped(s.apiUploadMedia)))},
		{"GET /api/v1/documents", s.apiDocuments},
		{"GET /api/v1/documents/{id}", s.apiDocument},
		{"POST /api/v1/documents", s.bearer(s.apiCreateDocument)},
		{"PUT /api/v1/documents/{id}", s.bearer(s.apiUpdateDocument)},
		{"DELETE /api/v1/documents/{id}", s.bearer(s.apiDeleteDocument)},
		{"POST /api/v1/documents/{id}/files", s.capped(s.bearer(s.apiAttachDocumentFile))},
		{"GET /api/v1/questions", s.apiQuestions},
		{"GET /api/v1/questions/{id}", s.apiQuestion},
		{"GET /api/v1/procedures", c.apiList},
		{"GET /api/v1/procedures/{code}", c.apiDetail},
		{"GET /api/v1/dossiers/{code}/status", cd.apiStatus},
		{"GET /api/v1/signed/{code}", cd.apiSigned},
		{"GET /api/v1/calendar/holidays", s.apiCalendarHolidays},
		{"GET /api/v1/calendar/due", s.apiCalendarDue},
		{"GET /api/v1/stats/dossiers", x.dossiers.api},
		{"GET /api/v1/stats/ratings", x.ratings.api},
		{"GET /api/v1/analytics", s.bearer(s.apiAnalytics)},
		{"GET /api/v1/openapi.json", s.apiOpenAPI},
		{"GET /api", s.apiDocPage},
		{"/api/", notFound},

		// Staff sign-in, for every staff member.
		{"GET /dang-nhap", s.loginForm},
		{"POST /dang-nhap", s.login},
		{"GET /dang-nhap/ma-xac-thuc", s.loginCodeForm},
		{"POST /dang-nhap/ma-xac-thuc", s.loginCode},
		{"GET " + totpPath, s.staff(s.totpForm)},
		{"POST " + totpPath, s.staff(s.totpChange)},
		{"POST /dang-xuat", s.staff(s.logout)},
		{"POST /quan-tri/dang-xuat-tat-ca", s.staff(s.logoutEverywhere)},
		{"GET /quan-tri", s.staff(s.dashboard)},
		{"GET /quan-tri/tai-khoan", s.staff(s.account)},
		{"POST /quan-tri/tai-khoan/mat-khau", s.staff(s.changeOwnPassword)},

		// Newsroom: articles and their revisions, categories, the media
		// library, legal documents, Q&A, consultations, institutional pages,
		// visitor analytics.
		{"GET /quan-tri/bai-viet", s.staff(s.adminArticles)},
		{"GET /quan-tri/bai-viet/moi", s.staff(s.newArticleForm)},
		{"POST /quan-tri/bai-viet", s.staff(s.createArticle)},
		{"GET /quan-tri/bai-viet/{id}", s.staff(s.editArticleForm)},
		{"POST /quan-tri/bai-viet/{id}", s.staff(s.saveArticle)},
		{"GET /quan-tri/bai-viet/{id}/xem-truoc", s.staff(s.preview)},
		{"POST /quan-tri/bai-viet/{id}/{action}", s.staff(s.articleAction)},
		{"POST /quan-tri/bai-viet/{id}/tin-co-so", s.staff(s.proposeShare)},
		{"POST /quan-tri/bai-viet/{id}/tin-co-so/rut", s.staff(s.withdrawShare)},
		{"POST /quan-tri/tin-co-so/{id}/{action}", s.staff(s.decideShare)},
		{"GET /quan-tri/bai-viet/{id}/phien-ban/{version}", s.staff(s.revisionView)},
		{"POST /quan-tri/bai-viet/{id}/phien-ban/{version}/khoi-phuc", s.staff(s.restoreRevision)},
		{"GET /quan-tri/bai-viet/{id}/thong-ke", renamedPeriod(s.staff(s.articleAnalytics))},
		{"GET /quan-tri/chuyen-muc", s.staff(s.adminCategories)},
		{"POST /quan-tri/chuyen-muc", s.staff(s.createCategory)},
		{"GET /quan-tri/chuyen-muc/{id}", s.staff(s.editCategoryForm)},
		{"POST /quan-tri/chuyen-muc/{id}", s.staff(s.saveCategory)},
		{"POST /quan-tri/chuyen-muc/{id}/xoa", s.staff(s.deleteCategory)},
		// Uploads are size-limited outside the session check, which reads
		// the multipart body for its CSRF token.
		{"GET /quan-tri/thu-vien", s.staff(s.needUpload(s.adminMedia))},
		{"GET /quan-tri/thu-vien.json", s.staff(s.needUpload(s.mediaPicker))},
		{"POST /quan-tri/thu-vien", s.capped(s.staff(s.needUpload(s.uploadMedia)))},
		{"GET /quan-tri/thu-vien/{id}", s.staff(s.needUpload(s.mediaDetail))},
		{"POST /quan-tri/thu-vien/{id}", s.staff(s.needUpload(s.saveMedia))},
		{"POST /quan-tri/thu-vien/{id}/xoa", s.staff(s.needUpload(s.deleteMedia))},
		{"GET /quan-tri/van-ban", s.staff(s.adminDocuments)},
		{"GET /quan-tri/van-ban/moi", s.staff(s.newDocumentForm)},
		{"POST /quan-tri/van-ban", s.capped(s.staff(s.createDocument))},
		{"GET /quan-tri/van-ban/nhap", s.staff(s.documentImportForm)},
		{"POST /quan-tri/van-ban/nhap", s.capped(s.staff(s.importDocuments))},
		{"GET /quan-tri/van-ban/{id}", s.staff(s.editDocumentForm)},
		{"POST /quan-tri/van-ban/{id}", s.capped(s.staff(s.updateDocument))},
		{"GET /quan-tri/van-ban/{id}/tep/{file}", s.staff(s.adminDocumentFile)},
		{"POST /quan-tri/van-ban/{id}/{action}", s.staff(s.documentAction)},
		{"GET /quan-tri/hoi-dap", s.staff(s.adminQuestions)},
		{"GET /quan-tri/hoi-dap/{id}", s.staff(s.adminQuestion)},
		{"POST /quan-tri/hoi-dap/{id}/{action}", s.staff(s.adminQuestionAction)},
		{"GET /quan-tri/lay-y-kien", s.staff(s.adminConsults)},
		{"GET /quan-tri/lay-y-kien/moi", s.staff(s.adminConsultNew)},
		{"POST /quan-tri/lay-y-kien", s.staff(s.adminConsultCreate)},
		{"GET /quan-tri/lay-y-kien/{id}", s.staff(s.adminConsultEdit)},
		{"POST /quan-tri/lay-y-kien/{id}", s.staff(s.adminConsultSave)},
		{"GET /quan-tri/lay-y-kien/{id}/y-kien.csv", s.staff(s.adminConsultCSV)},
		{"GET /quan-tri/trang", s.staff(s.adminInstPages)},
		{"GET /quan-tri/trang/{kind}/{lang}", s.staff(s.adminInstPage)},
		{"POST /quan-tri/trang/{kind}/{lang}", s.staff(s.adminInstPageSave)},
		{"GET " + analyticsPath, renamedPeriod(s.staff(s.analyticsPage))},
		{"GET " + analyticsPath + "/tai-ve.csv", renamedPeriod(s.staff(s.analyticsCSV))},
		{"GET " + analyticsPath + "/tai-ve.xlsx", renamedPeriod(s.staff(s.analyticsXLSX))},

		// Officer desk (một cửa): queues, a dossier's page and its moves,
		// counter entry, officers' units, ratings received.
		{"GET /quan-tri/ho-so", s.staff(o.queue)},
		{"GET /quan-tri/ho-so/moi", s.staff(o.counterForm)},
		{"POST /quan-tri/ho-so/moi", s.capped(s.staff(o.counterCreate))},
		{"GET /quan-tri/ho-so/can-bo", s.staff(o.officers)},
		{"GET /quan-tri/ho-so/danh-gia", renamedPeriod(s.staff(o.ratings))},
		{"POST /quan-tri/ho-so/can-bo", s.staff(o.saveOfficerUnits)},
		{"GET /quan-tri/ho-so/{id}", s.staff(o.detail)},
		{"POST /quan-tri/ho-so/{id}/chuyen", s.capped(s.staff(o.move))},
		{"GET /quan-tri/ho-so/{id}/tep/{file}", s.staff(o.download)},
		{"GET /quan-tri/ho-so/{id}/bien-nhan", s.staff(o.receipt)},
		{"GET /quan-tri/ho-so/{id}/bien-lai/{pid}", s.staff(o.paymentReceipt)},
		{"GET /quan-tri/ho-so/{id}/mau/{form}", s.staff(o.formPDF)},
		{"POST /quan-tri/ho-so/{id}/xin-loi", s.staff(o.apologise)},
		{"POST /quan-tri/ho-so/{id}/mo-khoa-lay-lai", s.staff(o.resetRecovery)},
		{"POST /quan-tri/ho-so/{id}/phan-anh", s.staff(o.addComplaint)},
		{"POST /quan-tri/ho-so/{id}/so-hoa", s.staff(o.markDigitised)},
		{"POST /quan-tri/ho-so/{id}/ky-so", s.staff(o.sign)},
		{"GET /quan-tri/ho-so/{id}/ky-so/{code}", s.staff(o.signedDownload)},

		// Admin: users, settings, audit log, calendar, units and
		// procedures, the mail outbox.
		{"GET /quan-tri/nguoi-dung", s.staff(s.adminUsers)},
		{"GET /quan-tri/nguoi-dung/moi", s.staff(s.newUserForm)},
		{"POST /quan-tri/nguoi-dung", s.staff(s.createUser)},
		{"GET /quan-tri/nguoi-dung/{id}", s.staff(s.editUserForm)},
		{"POST /quan-tri/nguoi-dung/{id}", s.staff(s.saveUser)},
		{"POST /quan-tri/nguoi-dung/{id}/mat-khau", s.staff(s.resetUserPassword)},
		{"POST /quan-tri/nguoi-dung/{id}/tat-2fa", s.staff(s.resetUserTOTP)},
		{"POST /quan-tri/nguoi-dung/{id}/ma-api", s.staff(s.createUserToken)},
		{"POST /quan-tri/nguoi-dung/{id}/ma-api/{token}/thu-hoi", s.staff(s.revokeUserToken)},
		{"GET " + lookPath, s.staff(s.lookForm)},
		{"POST " + lookPath + "/khoi", s.staff(s.saveHomeBlocks)},
		{"POST " + lookPath + "/lien-ket", s.staff(s.saveHomeLinks)},
		{"POST " + lookPath + "/trinh-don", s.staff(s.saveMenu)},
		{"POST " + lookPath + "/anh", s.capped(s.staff(s.saveIdentity))},
		{"GET /quan-tri/cai-dat", s.staff(s.settings)},
		{"POST /quan-tri/cai-dat", s.staff(s.saveSettings)},
		{"GET /quan-tri/cai-dat/du-lieu-ca-nhan", s.staff(s.privacySettings)},
		{"POST /quan-tri/cai-dat/du-lieu-ca-nhan", s.staff(s.savePrivacySettings)},
		{"GET /quan-tri/nhat-ky", s.staff(s.auditLog)},
		{"GET /quan-tri/lich", s.staff(s.calendarAdmin)},
		{"POST /quan-tri/lich/ngay", s.staff(s.calendarPutDay)},
		{"POST /quan-tri/lich/ngay/xoa", s.staff(s.calendarDeleteDay)},
		{"POST /quan-tri/lich/dat-lai", s.staff(s.calendarReset)},
		{"POST /quan-tri/lich/gio-lam-viec", s.staff(s.calendarOfficeHours)},
		{"GET /quan-tri/don-vi", s.staff(c.adminUnits)},
		{"POST /quan-tri/don-vi", s.staff(c.createUnit)},
		{"GET /quan-tri/don-vi/{id}", s.staff(c.editUnitForm)},
		{"POST /quan-tri/don-vi/{id}", s.staff(c.saveUnit)},
		{"POST /quan-tri/don-vi/{id}/xoa", s.staff(c.deleteUnit)},
		{"GET /quan-tri/thu-tuc", s.staff(c.adminProcedures)},
		{"GET /quan-tri/thu-tuc/moi", s.staff(c.newProcedureForm)},
		{"POST /quan-tri/thu-tuc", s.capped(s.staff(c.createProcedure))},
		{"GET /quan-tri/thu-tuc/nhap", s.staff(c.importForm)},
		{"POST /quan-tri/thu-tuc/nhap", s.capped(s.staff(c.importProcedures))},
		{"GET /quan-tri/thu-tuc/{id}", s.staff(c.editProcedureForm)},
		{"POST /quan-tri/thu-tuc/{id}", s.capped(s.staff(c.saveProcedure))},
		{"POST /quan-tri/thu-tuc/{id}/cong-bo", s.staff(c.publishProcedure)},
		{"POST /quan-tri/thu-tuc/{id}/xoa", s.staff(c.deleteProcedure)},
		{"GET /quan-tri/thu-dien-tu", s.staff(s.mailOutbox)},
		{"GET /quan-tri/thanh-toan", s.staff(s.adminPayments)},
		{"POST /quan-tri/thu-dien-tu/{id}/gui-lai", s.staff(s.mailRequeue)},
		{"GET /quan-tri/dong-bo", s.staff(s.partnerOutbox)},
		{"POST /quan-tri/dong-bo/{id}/gui-lai", s.staff(s.partnerRetry)},
		{"POST /quan-tri/dong-bo/gui-lai-tat-ca", s.staff(s.partnerRetryDead)},

		{"/", notFound},
	}
	// The institutional pages live at the root, one per kind.
	for _, k := range institution.PageKinds {
		t = append(t, route{"GET /" + k.Code, s.institution(k)})
	}
	return t
}

// plain lets a handler that cannot fail sit in the table.
func plain(h http.HandlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		h(w, r)
		return nil
	}
}
