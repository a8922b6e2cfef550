package institution

// OrgUnit is a unit of the organisation chart (from the units table:
// agency, department, commune…). Former units — dissolved or merged, such
// as the districts abolished on 01/07/2025 — stay visible as history.
type OrgUnit struct {
	ID       int64
	ParentID int64
	Name     string
	Kind     string
	Address  string
	Phone    string
	Email    string
	Former   bool
}

// OrgNode is a unit with its children, for rendering nested lists.
type OrgNode struct {
	OrgUnit
	Children []*OrgNode
}

// OrgTree builds the chart from units in display order. A unit whose
// parent is missing (or that would close a cycle) becomes a root, so bad
// data shows up on the page instead of disappearing.
func OrgTree(units []OrgUnit) []*OrgNode {
	nodes := make(map[int64]*OrgNode, len(units))
	for _, u := range units {
		nodes[u.ID] = &OrgNode{OrgUnit: u}
	}
	var roots []*OrgNode
	for _, u := range units {
		n := nodes[u.ID]
		p, ok := nodes[u.ParentID]
		if !ok || u.ParentID == u.ID || isAncestor(nodes, u.ID, u.ParentID) {
			roots = append(roots, n)
			continue
		}
		p.Children = append(p.Children, n)
	}
	return roots
}

// isAncestor reports whether id is above (or is) start when walking up.
func isAncestor(nodes map[int64]*OrgNode, id, start int64) bool {
	seen := map[int64]bool{}
	for cur := start; cur != 0 && !seen[cur]; {
		if cur == id {
			return true
		}
		seen[cur] = true
		n, ok := nodes[cur]
		if !ok {
			return false
		}
		cur = n.ParentID
	}
	return false
}
