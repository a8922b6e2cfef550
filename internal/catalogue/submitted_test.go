package catalogue

import "testing"

func TestSubmittedComponents(t *testing.T) {
	all := []Component{{ID: 1, Name: "Tờ khai", Required: true}, {ID: 2, Name: "Giấy ủy quyền (nếu có)"}, {ID: 3, Name: "Bản sao giấy tờ khác"}, {ID: 4, Name: "Giấy chứng sinh", Required: true}}
	files := map[int64]bool{1: true, 3: true}
	got := SubmittedComponents(all, func(id int64) bool { return files[id] })
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	if len(got) != 3 || got[0].ID != 1 || got[1].ID != 3 || got[2].ID != 4 {
		t.Errorf("got %v", names)
	}
}
