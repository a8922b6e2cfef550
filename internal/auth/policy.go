package auth

import "github.com/congportal/cong/internal/news"

// Role is a staff role.
type Role string

const (
	RoleEditor   Role = "editor"   // biên tập viên
	RoleApprover Role = "approver" // người duyệt
	RoleAdmin    Role = "admin"    // quản trị
	RoleOfficer  Role = "officer"  // cán bộ một cửa (the public-service desk)
	// RoleProvinceAdmin administers every site of the install (issue 16):
	// an admin on each, who also creates sites and their users.
	RoleProvinceAdmin Role = "province_admin" // quản trị cấp tỉnh
)

// Roles lists the roles with their Vietnamese names, in menu order.
var Roles = []struct {
	Role Role
	Name string
}{
	{RoleEditor, "Biên tập viên"},
	{RoleApprover, "Người duyệt"},
	{RoleAdmin, "Quản trị"},
	{RoleOfficer, "Cán bộ một cửa"},
	{RoleProvinceAdmin, "Quản trị cấp tỉnh"},
}

// IsAdmin is true for a site's administrator and a province administrator.
func (r Role) IsAdmin() bool { return r == RoleAdmin || r == RoleProvinceAdmin }

// ParseRole accepts a role's code; the error names the valid ones.
func ParseRole(s string) (Role, bool) {
	for _, r := range Roles {
		if string(r.Role) == s {
			return r.Role, true
		}
	}
	return "", false
}

// RoleName is the Vietnamese name of a role.
func RoleName(r Role) string {
	for _, x := range Roles {
		if x.Role == r {
			return x.Name
		}
	}
	return string(r)
}

// User is an authenticated staff member.
type User struct {
	ID       int64
	SiteID   int64
	Username string
	Name     string
	Email    string
	Role     Role
	Disabled bool
	HasTOTP  bool // a second factor is enrolled
}

// Action is something a user may try to do.
type Action string

const (
	ActViewAdmin    Action = "view_admin"    // enter /quan-tri
	ActCreate       Action = "create"        // write a new article
	ActView         Action = "view"          // open an article in the admin, any status
	ActEdit         Action = "edit"          // change an article's content
	ActSubmit       Action = "submit"        // send a draft for approval
	ActPublish      Action = "publish"       // publish or schedule
	ActReturn       Action = "return"        // send back to the editor with a comment
	ActUnpublish    Action = "unpublish"     // take a published article down
	ActTrash        Action = "trash"         // move to the recycle bin
	ActRestore      Action = "restore"       // take out of the recycle bin, or restore a revision
	ActUploadMedia  Action = "upload_media"  //
	ActManageUsers  Action = "manage_users"  // users, roles, password resets
	ActManageSite   Action = "manage_site"   // settings, categories, menus, featured
	ActViewAudit    Action = "view_audit"    // read the audit log
	ActManageTokens Action = "manage_tokens" // API tokens of others
	ActManageDesk   Action = "manage_desk"   // units and the procedure catalogue
	// Citizen Q&A, consultations and institutional pages: anyone in the
	// newsroom moderates and answers questions; what goes public without
	// the article workflow (answers, consultations, institutional pages)
	// is an approver's call.
	ActAnswerQuestion Action = "answer_question" // see the queue, assign, write answers, reject spam
	ActPublishAnswer  Action = "publish_answer"  // publish or withdraw an answer
	ActManagePages    Action = "manage_pages"    // institutional pages, draft-policy consultations
	// Visitor analytics (/quan-tri/thong-ke-truy-cap): the whole newsroom.
	ActViewAnalytics Action = "view_analytics"
)

// Item is what Can judges an article or a legal document by: both follow
// the same editorial workflow (package editorial) under the same roles.
// ok is false for no item: a nil *news.Article handed over by a template
// means "no article", so implementations answer on a nil receiver.
type Item interface {
	EditorialState() (authorID int64, status string, ok bool)
}

// Can is the one place that answers "may u do act to it". it may be nil for
// actions that are not about an article or a document. Every handler and
// API call goes through it.
func Can(u *User, act Action, it Item) bool {
	if u == nil || u.Disabled {
		return false
	}
	var a *item
	if it != nil {
		if author, status, ok := it.EditorialState(); ok {
			a = &item{AuthorID: author, Status: status}
		}
	}
	admin := u.Role.IsAdmin()
	approver := u.Role == RoleApprover || admin
	newsroom := u.Role == RoleEditor || approver
	switch act {
	case ActViewAdmin:
		return true // every staff role has a dashboard; officers see their desk later
	case ActCreate, ActUploadMedia:
		return newsroom
	case ActView:
		return newsroom && a != nil
	case ActEdit:
		if a == nil || !newsroom {
			return false
		}
		if approver {
			return a.Status != news.StatusTrash
		}
		// An editor edits their own drafts and returned articles; once
		// submitted or published it is the approver's.
		return a.AuthorID == u.ID && (a.Status == news.StatusDraft || a.Status == news.StatusReturned)
	case ActSubmit:
		return a != nil && newsroom && (a.Status == news.StatusDraft || a.Status == news.StatusReturned) &&
			(approver || a.AuthorID == u.ID)
	case ActPublish:
		return a != nil && approver && a.Status != news.StatusTrash && a.Status != news.StatusPublished
	case ActReturn:
		return a != nil && approver && a.Status == news.StatusPending
	case ActUnpublish:
		return a != nil && approver && a.Status == news.StatusPublished
	case ActTrash:
		if a == nil || a.Status == news.StatusTrash || !newsroom {
			return false
		}
		return approver || (a.AuthorID == u.ID && (a.Status == news.StatusDraft || a.Status == news.StatusReturned))
	case ActRestore:
		if a == nil || !newsroom {
			return false
		}
		return approver || (a.AuthorID == u.ID && (a.Status == news.StatusDraft || a.Status == news.StatusReturned || a.Status == news.StatusTrash))
	case ActManageUsers, ActManageSite, ActViewAudit, ActManageTokens:
		return admin
	case ActManageDesk:
		return admin
	case ActAnswerQuestion, ActViewAnalytics:
		return newsroom
	case ActPublishAnswer, ActManagePages:
		return approver
	}
	return false
}

// TOTPRequired reports whether a user must have a second factor before using
// the admin: on a site that requires it, admins (who manage accounts and
// settings) and approvers (who publish in the site's name) must, since a
// guessed password for either is a defaced or hijacked portal.
func TOTPRequired(role Role, siteRequires bool) bool {
	return siteRequires && (role.IsAdmin() || role == RoleApprover)
}

// item is an Item's answer, read once.
type item struct {
	AuthorID int64
	Status   string
}
