package catalogue

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Errors maps a form field to its Vietnamese message.
type Errors map[string]string

var (
	unitCodeRE      = regexp.MustCompile(`^[A-Z0-9.]{2,20}$`)
	procedureCodeRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,40}$`)
)

// NormalizeUnitCode upper-cases a typed unit code: codes go into dossier
// codes, which citizens read out over the phone.
func NormalizeUnitCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// Tree orders units for display: each parent followed by its children by
// position, with Depth set. Units whose parent is missing (or that sit in a
// cycle made outside the admin) come last at depth 0, so none is hidden.
func Tree(units []Unit) []Unit {
	units = slices.Clone(units)
	slices.SortStableFunc(units, func(a, b Unit) int {
		if a.Position != b.Position {
			return cmp.Compare(a.Position, b.Position)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	byID := map[int64]bool{}
	for _, u := range units {
		byID[u.ID] = true
	}
	children := map[int64][]Unit{}
	for _, u := range units {
		p := u.ParentID
		if !byID[p] || p == u.ID {
			p = 0
		}
		children[p] = append(children[p], u)
	}
	var out []Unit
	seen := map[int64]bool{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, u := range children[parent] {
			if seen[u.ID] {
				continue
			}
			seen[u.ID] = true
			u.Depth = depth
			out = append(out, u)
			walk(u.ID, depth+1)
		}
	}
	walk(0, 0)
	for _, u := range units {
		if !seen[u.ID] {
			out = append(out, u)
		}
	}
	return out
}

// Descendants returns id and every unit below it.
func Descendants(units []Unit, id int64) map[int64]bool {
	out := map[int64]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, u := range units {
			if !out[u.ID] && u.ParentID != 0 && out[u.ParentID] {
				out[u.ID], changed = true, true
			}
		}
	}
	return out
}

// ValidateUnit checks u against the site's other units (all may include u
// itself, which is skipped for the code check).
func ValidateUnit(u Unit, all []Unit) Errors {
	errs := Errors{}
	switch {
	case u.Code == "":
		errs["code"] = "Vui lòng nhập mã đơn vị."
	case !unitCodeRE.MatchString(u.Code):
		errs["code"] = "Mã đơn vị gồm 2–20 ký tự: chữ in hoa không dấu, số hoặc dấu chấm, ví dụ: STP hoặc 000.00.12.H01."
	default:
		for _, o := range all {
			if o.ID != u.ID && o.Code == u.Code {
				errs["code"] = "Mã “" + u.Code + "” đã được dùng cho đơn vị “" + o.Name + "”."
			}
		}
	}
	switch {
	case u.Name == "":
		errs["name"] = "Vui lòng nhập tên đơn vị."
	case utf8.RuneCountInString(u.Name) > 200:
		errs["name"] = "Tên đơn vị tối đa 200 ký tự."
	}
	if KindLabel(u.Kind) == u.Kind {
		errs["kind"] = "Vui lòng chọn loại đơn vị."
	}
	if u.ParentID != 0 {
		found := false
		for _, o := range all {
			found = found || o.ID == u.ParentID
		}
		if !found || (u.ID != 0 && Descendants(all, u.ID)[u.ParentID]) {
			errs["parent"] = "Đơn vị cấp trên không hợp lệ: không chọn chính đơn vị này hay đơn vị trực thuộc nó."
		}
	}
	if !u.ValidFrom.IsZero() && !u.ValidTo.IsZero() && u.ValidTo.Before(u.ValidFrom) {
		errs["valid_to"] = "Ngày kết thúc hoạt động phải sau hoặc bằng ngày bắt đầu."
	}
	if utf8.RuneCountInString(u.Address) > 300 {
		errs["address"] = "Địa chỉ tối đa 300 ký tự."
	}
	if utf8.RuneCountInString(u.Phone) > 50 {
		errs["phone"] = "Số điện thoại tối đa 50 ký tự."
	}
	if u.Email != "" && (!strings.Contains(u.Email, "@") || strings.ContainsAny(u.Email, " <>\"") || len(u.Email) > 200) {
		errs["email"] = "Thư điện tử không hợp lệ, ví dụ: stp@tinh.gov.vn."
	}
	return errs
}

// ValidateProcedure checks a procedure before it is saved. units are the
// site's units, to check that the competent units exist and are current.
func ValidateProcedure(p Procedure, units []Unit) Errors {
	errs := Errors{}
	switch {
	case p.Code == "":
		errs["code"] = "Vui lòng nhập mã thủ tục."
	case !procedureCodeRE.MatchString(p.Code):
		errs["code"] = "Mã thủ tục gồm tối đa 40 ký tự: chữ không dấu, số, dấu chấm hoặc gạch, ví dụ: 1.001193."
	}
	switch {
	case p.Name == "":
		errs["name"] = "Vui lòng nhập tên thủ tục."
	case utf8.RuneCountInString(p.Name) > 500:
		errs["name"] = "Tên thủ tục tối đa 500 ký tự."
	}
	if utf8.RuneCountInString(p.Field) > 200 {
		errs["field"] = "Lĩnh vực tối đa 200 ký tự."
	}
	if LevelLabel(p.Level) == p.Level {
		errs["level"] = "Vui lòng chọn mức độ dịch vụ công trực tuyến."
	}
	if p.TimeUnit != TimeSameDay && (p.TimeAmount <= 0 || p.TimeAmount > 1000) {
		errs["time_amount"] = "Thời hạn giải quyết phải là số nguyên lớn hơn 0 (tối đa 1000)."
	}
	if TimeUnitLabel(p.TimeUnit) == p.TimeUnit {
		errs["time_unit"] = "Vui lòng chọn đơn vị thời hạn (ngày làm việc, ngày, giờ làm việc hoặc trong ngày)."
	}
	if len(p.Units) == 0 {
		errs["units"] = "Vui lòng chọn ít nhất một cơ quan thực hiện."
	}
	byID := map[int64]Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	for _, pu := range p.Units {
		u, ok := byID[pu.ID]
		if !ok {
			errs["units"] = "Cơ quan thực hiện không hợp lệ."
			break
		}
		if u.Former() {
			errs["units"] = "“" + u.Name + "” đã giải thể/sáp nhập, không thể thực hiện thủ tục mới."
			break
		}
	}
	for i, c := range p.Components {
		switch {
		case c.Name == "":
			errs[componentField(i, "name")] = "Vui lòng nhập tên giấy tờ."
		case utf8.RuneCountInString(c.Name) > 500:
			errs[componentField(i, "name")] = "Tên giấy tờ tối đa 500 ký tự."
		}
		if c.Copies < 1 || c.Copies > 20 {
			errs[componentField(i, "copies")] = "Số bản phải từ 1 đến 20."
		}
	}
	for field, v := range map[string]string{"fees": p.Fees, "steps": p.Steps, "legal_basis": p.LegalBasis, "result": p.Result, "applicant": p.Applicant, "conditions": p.Conditions} {
		if utf8.RuneCountInString(v) > 20000 {
			errs[field] = "Nội dung quá dài (tối đa 20.000 ký tự)."
		}
	}
	return errs
}

// componentField names the form field of component row i (0-based), e.g.
// "c2_name" for the second row.
func componentField(i int, name string) string {
	return "c" + strconv.Itoa(i+1) + "_" + name
}

// ComponentField is componentField for the web layer.
func ComponentField(i int, name string) string { return componentField(i, name) }
