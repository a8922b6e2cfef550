package catalogue

// SubmittedComponents is what a receipt (form 01) lists as received: every
// required component, and an optional one only when the dossier holds a
// file for it. The catalogue's optional documents ("Giấy ủy quyền (nếu
// có)") are not part of a dossier the citizen did not send them with, and
// a legal receipt must not say they were handed in. Required components
// stay even without a file: at the counter the officer checks the paper
// originals and scans are optional, and an online dossier cannot be
// submitted without them.
func SubmittedComponents(all []Component, hasFile func(componentID int64) bool) []Component {
	var out []Component
	for _, c := range all {
		if c.Required || hasFile(c.ID) {
			out = append(out, c)
		}
	}
	return out
}
