package importer

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// workbookInfo is what the reader needs of xl/workbook.xml.
type workbookInfo struct {
	sheets        []sheetInfo
	sharedStrings string // the part's path, "" if none
	date1904      bool
}

type sheetInfo struct {
	name, path string
	hidden     bool
}

const relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

// workbook reads the list of sheets in their order, each with its part and
// whether it is hidden.
func (p *xlsxPackage) workbook() (*workbookInfo, error) {
	root, err := p.relationships("")
	if err != nil {
		return nil, err
	}
	wbPath := ""
	for _, r := range root {
		if strings.HasSuffix(r.kind, "/officeDocument") {
			wbPath = r.target
		}
	}
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	if _, ok := p.files[strings.ToLower(wbPath)]; !ok {
		return nil, p.notWorkbook()
	}
	rels, err := p.relationships(wbPath)
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	info := &workbookInfo{}
	for _, r := range rels {
		targets[r.id] = r.target
		if strings.HasSuffix(r.kind, "/sharedStrings") {
			info.sharedStrings = r.target
		}
	}
	err = p.eachElement(wbPath, func(d *xml.Decoder, e xml.StartElement) error {
		switch e.Name.Local {
		case "workbookPr":
			v := attr(e, "date1904")
			info.date1904 = v == "1" || v == "true"
		case "sheet":
			s := sheetInfo{name: attr(e, "name")}
			state := attr(e, "state")
			s.hidden = state == "hidden" || state == "veryHidden"
			for _, a := range e.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					s.path = targets[a.Value]
				}
			}
			if _, ok := p.files[strings.ToLower(s.path)]; !ok {
				return ErrDamaged // a sheet whose content is missing
			}
			info.sheets = append(info.sheets, s)
		}
		return nil
	})
	return info, err
}

type relationship struct{ id, kind, target string }

// relationships reads the relationships of a part ("" for the package),
// with each target as a path from the root of the zip.
func (p *xlsxPackage) relationships(part string) ([]relationship, error) {
	dir, file := path.Split(part)
	relsPath := dir + "_rels/" + file + ".rels"
	var out []relationship
	err := p.eachElement(relsPath, func(d *xml.Decoder, e xml.StartElement) error {
		if e.Name.Local != "Relationship" || attr(e, "TargetMode") == "External" {
			return nil
		}
		target := strings.ReplaceAll(attr(e, "Target"), `\`, "/")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(path.Clean(target), "/")
		} else {
			target = strings.TrimPrefix(path.Clean("/"+dir+target), "/")
		}
		out = append(out, relationship{attr(e, "Id"), attr(e, "Type"), target})
		return nil
	})
	if errors.Is(err, errMissingPart) {
		return nil, nil
	}
	return out, err
}

// eachElement calls fn for every start element of a small part.
func (p *xlsxPackage) eachElement(name string, fn func(*xml.Decoder, xml.StartElement) error) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return damaged(err)
		}
		if e, ok := tok.(xml.StartElement); ok {
			if err := fn(d, e); err != nil {
				return err
			}
		}
	}
}

func newDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") {
			return input, nil
		}
		return nil, ErrDamaged
	}
	return d
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// sharedStrings reads the workbook's table of strings: the text of each
// <si>, without its phonetic guide (<rPh>), bounded in number and size.
func (p *xlsxPackage) sharedStrings(name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	rc, err := p.open(name)
	if errors.Is(err, errMissingPart) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	var (
		out         []string
		total       int
		b           strings.Builder
		inSI, inT   bool
		phonetic    int
		tooManyText = refuse(ErrTooLarge, "表格中的文字太多：请确认选择的是名册表格")
	)
	for {
		err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch x.kind {
		case tokStart:
			switch string(x.name) {
			case "si":
				inSI = true
				b.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case tokEnd:
			switch string(x.name) {
			case "si":
				if len(out) >= maxSharedStrings {
					return nil, tooManyText
				}
				out = append(out, unescapeOOXML(b.String()))
				inSI = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case tokText:
			if inT {
				if total += len(x.text); total > maxSharedBytes {
					return nil, tooManyText
				}
				b.Write(x.text)
			}
		}
	}
}

// unescapeOOXML undoes the escapes Excel writes for characters XML cannot
// hold: _x000D_ is a carriage return, _x005F_ an underscore.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || i+7 > len(s) || s[i+6] != '_' {
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		var r rune
		ok := true
		for _, c := range s[i+2 : i+6] {
			switch {
			case c >= '0' && c <= '9':
				r = r<<4 | (c - '0')
			case c >= 'a' && c <= 'f':
				r = r<<4 | (c - 'a' + 10)
			case c >= 'A' && c <= 'F':
				r = r<<4 | (c - 'A' + 10)
			default:
				ok = false
			}
		}
		if !ok {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(r)
		s = s[i+7:]
	}
}
