package newsroom

import (
	"github.com/congportal/cong/internal/auth"
)

// MayProposeShare says whether u may propose their site's article to the
// parent site, or withdraw it ("Tin cơ sở"): anyone who writes articles
// there, since the parent's approver decides.
func MayProposeShare(u *auth.User) error {
	if !auth.Can(u, auth.ActCreate, nil) {
		return ErrForbidden
	}
	return nil
}

// MayDecideShare says whether u may accept or refuse another site's article
// on their site: it will be public there, so it is the approver's call.
func MayDecideShare(u *auth.User) error {
	if u == nil || u.Disabled || (u.Role != auth.RoleApprover && !u.Role.IsAdmin()) {
		return ErrForbidden
	}
	return nil
}
