package media

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"
)

// sniffOLE reads the directory of an OLE2 compound file (the container of
// Word 97–2003 .doc and Excel 97–2003 .xls) and decides by its stream
// names: "WordDocument" is Word, "Workbook" or "Book" is Excel. A VBA
// project ("Macros", "_VBA_PROJECT_CUR", "VBA") makes it ErrMacros. Every
// offset is bounds-checked and every sector chain is bounded, so a crafted
// header cannot loop or read outside the buffer.
func sniffOLE(b []byte) (Type, error) {
	names, ok := oleNames(b)
	if !ok {
		return Type{}, ErrUnsupported
	}
	var word, excel bool
	for _, n := range names {
		switch strings.ToLower(n) {
		case "macros", "_vba_project_cur", "vba", "_vba_project":
			return Type{}, ErrMacros
		case "worddocument":
			word = true
		case "workbook", "book":
			excel = true
		}
	}
	switch {
	case word && !excel:
		return DOC, nil
	case excel && !word:
		return XLS, nil
	}
	return Type{}, ErrUnsupported
}

const (
	oleEndOfChain = 0xFFFFFFFE
	oleFree       = 0xFFFFFFFF
	oleMaxRegular = 0xFFFFFFFA
)

// oleNames returns the names of all directory entries.
func oleNames(b []byte) ([]string, bool) {
	if len(b) < 512 {
		return nil, false
	}
	le := binary.LittleEndian
	if le.Uint16(b[0x1C:]) != 0xFFFE {
		return nil, false
	}
	shift := le.Uint16(b[0x1E:])
	if shift != 9 && shift != 12 {
		return nil, false
	}
	secSize := 1 << shift
	nSectors := (len(b) - secSize) / secSize
	if len(b) <= secSize || nSectors <= 0 {
		return nil, false
	}
	sector := func(n uint32) []byte {
		if n > oleMaxRegular || int(n) >= nSectors {
			return nil
		}
		off := (int(n) + 1) * secSize
		if off+secSize > len(b) {
			return nil
		}
		return b[off : off+secSize]
	}
	// The FAT's sectors are listed by the DIFAT: 109 entries in the header,
	// then a chain of DIFAT sectors.
	var fatSectors []uint32
	for i := 0; i < 109; i++ {
		v := le.Uint32(b[0x4C+4*i:])
		if v <= oleMaxRegular {
			fatSectors = append(fatSectors, v)
		}
	}
	perSector := secSize/4 - 1
	next := le.Uint32(b[0x44:])
	for steps := 0; next <= oleMaxRegular; steps++ {
		if steps > nSectors {
			return nil, false
		}
		s := sector(next)
		if s == nil {
			return nil, false
		}
		for i := 0; i < perSector; i++ {
			if v := le.Uint32(s[4*i:]); v <= oleMaxRegular {
				fatSectors = append(fatSectors, v)
			}
		}
		next = le.Uint32(s[4*perSector:])
	}
	if len(fatSectors) > nSectors {
		return nil, false
	}
	fat := make([]uint32, 0, len(fatSectors)*secSize/4)
	for _, fs := range fatSectors {
		s := sector(fs)
		if s == nil {
			return nil, false
		}
		for i := 0; i < secSize/4; i++ {
			fat = append(fat, le.Uint32(s[4*i:]))
		}
	}
	// Walk the directory chain; each sector holds 128-byte entries.
	var names []string
	dir := le.Uint32(b[0x30:])
	for steps := 0; dir != oleEndOfChain; steps++ {
		if steps > nSectors || int(dir) >= len(fat) {
			return nil, false
		}
		s := sector(dir)
		if s == nil {
			return nil, false
		}
		for off := 0; off+128 <= len(s); off += 128 {
			e := s[off : off+128]
			if e[0x42] == 0 { // unused entry
				continue
			}
			nl := int(le.Uint16(e[0x40:]))
			if nl < 2 || nl > 64 || nl%2 != 0 {
				continue
			}
			u := make([]uint16, 0, nl/2-1)
			for i := 0; i+1 < nl-2; i += 2 {
				u = append(u, le.Uint16(e[i:]))
			}
			names = append(names, string(utf16.Decode(u)))
		}
		dir = fat[dir]
		if dir == oleFree {
			break
		}
	}
	return names, len(names) > 0
}
