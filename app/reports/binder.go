package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// The inspection binder (迎检材料): one zip with everything an inspection
// reads for a school year. At its top the 佐证目录 as 目录.pdf (with the
// forms' conclusions), the 改革自评表, the 自评报告 draft and the 整改台账;
// below, a folder per union and in it a folder per indicator
// ("03 工作人员人数") with the lists behind it (PDF and Excel) and the files
// attached to its rectification items; the union's other items' files in
// 整改材料. Names are Chinese, so every entry carries the zip's UTF-8 flag
// (archive/zip sets it for a name that is not ASCII), which Windows'
// Explorer and 7-Zip honour. The binder only reads: nothing is written to
// the data file or the data folder.

// BinderSummary says what a binder holds.
type BinderSummary struct {
	Year     string   // 2023—2024
	Unions   int      // union folders
	Files    int      // entries in the zip
	Attached int      // attached files put in
	Missing  []string // attached files that could not be read, named in the index
}

// Progress tells how far a long job has come: done of total steps.
type Progress func(done, total int)

// Binder writes the binder of o.Semester's school year to w. A year with
// no records is refused (a ValidationError saying so) before anything is
// written to w.
func Binder(svc *app.Service, o Options, w io.Writer, progress Progress) (BinderSummary, error) {
	return fromSnapshot(svc, func(snap *app.Service) (BinderSummary, error) { return writeBinder(snap, o, w, progress) })
}

// binderFile is one attached file ready to copy: from the data folder, or
// from the records when the folder has no copy (added on another computer).
type binderFile struct {
	path    string
	content []byte
}

func writeBinder(svc *app.Service, o Options, w io.Writer, progress Progress) (BinderSummary, error) {
	y, err := gatherEvidence(svc, o)
	if err != nil {
		return BinderSummary{}, err
	}
	sum := BinderSummary{Year: y.year, Unions: len(y.unions)}
	if has, err := y.hasData(svc); err != nil {
		return sum, err
	} else if !has {
		return sum, app.ValidationError{{Field: "", Message: fmt.Sprintf("%s学年没有任何记录（在任工作人员、会议、培训、选拔、整改事项或人工结论），没有生成迎检材料。请换一个学年。", y.year)}}
	}
	files := y.resolveFiles(svc, &sum)
	top := []struct {
		name    string
		build   func(*app.Service, Options) (report.Document, error)
		formats []string
	}{
		{"改革自评表", selfCheck, []string{"pdf", "xlsx"}},
		{"自评报告（初稿）", draft, []string{"docx", "pdf"}},
		{"整改台账", ledger, []string{"pdf", "xlsx"}},
	}
	total := 1 + len(top)
	for _, u := range y.unions {
		total += len(u.items) + 1
	}
	done := 0
	step := func() {
		done++
		if progress != nil {
			progress(done, total)
		}
	}
	z := &binderZip{w: zip.NewWriter(w), at: svc.Today().Time(), names: map[string]bool{}}
	if err := z.doc("目录.pdf", y.index(svc), "pdf"); err != nil {
		return sum, err
	}
	step()
	for _, t := range top {
		d, err := t.build(svc, o)
		if err != nil {
			return sum, err
		}
		for _, f := range t.formats {
			if err := z.doc(t.name+"."+f, d, f); err != nil {
				return sum, err
			}
		}
		step()
	}
	for _, u := range y.unions {
		if err := z.union(u, files, &sum, step); err != nil {
			return sum, err
		}
		step()
	}
	for name := range z.names {
		if !strings.HasSuffix(name, "/") {
			sum.Files++
		}
	}
	return sum, z.w.Close()
}

// hasData says whether the year has anything on record: people in post on
// the check's day, a meeting, training or selection of the year, a ledger
// item found in it, or a teacher's conclusion on it.
func (y *yearEvidence) hasData(svc *app.Service) (bool, error) {
	for _, staff := range y.form.Staff {
		if len(staff) > 0 {
			return true, nil
		}
	}
	rec, err := loadRecords(svc, y.sem)
	if err != nil {
		return false, err
	}
	if len(rec.trainings) > 0 || len(rec.rounds) > 0 {
		return true, nil
	}
	for _, m := range rec.meetings {
		if rec.inYear(m.Semester) {
			return true, nil
		}
	}
	cs, err := svc.Store().Conclusions(y.sem.Year())
	if err != nil || len(cs) > 0 {
		return len(cs) > 0, err
	}
	items, err := svc.Ledger(app.RectFilter{Semester: y.sem})
	for _, it := range items {
		if it.Year == y.sem.Year() {
			return true, nil
		}
	}
	return false, err
}

// resolveFiles finds every attached file before anything is written: one
// that cannot be read is marked in the index as not put in, and the
// binder goes on without it.
func (y *yearEvidence) resolveFiles(svc *app.Service, sum *BinderSummary) map[uint]binderFile {
	out := map[uint]binderFile{}
	mark := func(p *piece) {
		if p.file == nil {
			return
		}
		f, ok := out[p.file.ID]
		if !ok {
			f, ok = readable(svc, *p.file)
			if ok {
				out[p.file.ID] = f
			}
		}
		if !ok {
			p.missing = true
			p.title = "佐证文件“" + p.file.Name + "”缺失或无法读取，未放入迎检材料"
			sum.Missing = append(sum.Missing, p.file.Name)
		}
	}
	for _, u := range y.unions {
		for i := range u.items {
			for j := range u.items[i].pieces {
				mark(&u.items[i].pieces[j])
			}
		}
		for j := range u.rectFiles {
			mark(&u.rectFiles[j])
		}
	}
	return out
}

// readable finds an attached file's content: the copy in the data folder,
// or the content kept in the records. Nothing is written anywhere.
func readable(svc *app.Service, e data.Evidence) (binderFile, bool) {
	path := filepath.Join(svc.Store().Dir(), filepath.FromSlash(e.Stored))
	if f, err := os.Open(path); err == nil {
		st, err := f.Stat()
		f.Close()
		if err == nil && st.Mode().IsRegular() {
			return binderFile{path: path}, true
		}
	}
	content, err := svc.Store().EvidenceContent(e.ID)
	if err != nil {
		return binderFile{}, false
	}
	return binderFile{content: content}, true
}

// binderZip writes the entries, each name once.
type binderZip struct {
	w     *zip.Writer
	at    time.Time
	names map[string]bool
}

// create starts an entry; a name already taken in its folder gets a
// number, as the evidence folder does: 名单（2）.pdf.
func (z *binderZip) create(name string) (io.Writer, error) {
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for n := 2; z.names[name]; n++ {
		name = fmt.Sprintf("%s（%d）%s", base, n, ext)
	}
	z.names[name] = true
	return z.w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.at})
}

func (z *binderZip) doc(name string, d report.Document, format string) error {
	var b bytes.Buffer
	if err := Write(&b, d, format); err != nil {
		return fmt.Errorf("%s：%w", name, err)
	}
	return z.bytes(name, b.Bytes())
}

func (z *binderZip) bytes(name string, content []byte) error {
	out, err := z.create(name)
	if err == nil {
		_, err = out.Write(content)
	}
	return err
}

// union writes a union's folder: a folder per indicator with its lists and
// files, and 整改材料 for the union's other items.
func (z *binderZip) union(u *unionEvidence, files map[uint]binderFile, sum *BinderSummary, step func()) error {
	root := fileName(u.org.Name) + "/"
	rendered := map[string][]byte{} // a list printed once, put in every folder that needs it
	put := func(dir string, pieces []piece) error {
		seen := map[string]bool{}
		for _, p := range pieces {
			switch {
			case p.list != "" && !seen[p.list]:
				seen[p.list] = true
				for _, format := range []string{"pdf", "xlsx"} {
					key := p.list + "." + format
					if rendered[key] == nil {
						var b bytes.Buffer
						if err := Write(&b, u.lists[p.list], format); err != nil {
							return fmt.Errorf("%s：%w", listNames[p.list], err)
						}
						rendered[key] = b.Bytes()
					}
					if err := z.bytes(dir+listNames[p.list]+"."+format, rendered[key]); err != nil {
						return err
					}
				}
			case p.file != nil && !p.missing:
				if err := z.attach(dir+fileName(p.file.Name), files[p.file.ID]); err != nil {
					return err
				}
				sum.Attached++
			}
		}
		return nil
	}
	if err := z.folder(root); err != nil {
		return err
	}
	for _, ie := range u.items {
		// Every indicator has its folder, an empty one saying that the
		// records hold nothing for it (目录.pdf says what is missing).
		dir := root + fileName(ie.folder()) + "/"
		if err := z.folder(dir); err != nil {
			return err
		}
		if err := put(dir, ie.pieces); err != nil {
			return err
		}
		step()
	}
	if len(u.rectPieces)+len(u.rectFiles) > 0 {
		if err := z.folder(root + "整改材料/"); err != nil {
			return err
		}
		return put(root+"整改材料/", append(append([]piece{}, u.rectPieces...), u.rectFiles...))
	}
	return nil
}

// folder writes a folder's own entry, so that an empty one unzips too.
func (z *binderZip) folder(name string) error {
	if z.names[name] {
		return nil
	}
	z.names[name] = true
	_, err := z.w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: z.at})
	return err
}

func (z *binderZip) attach(name string, f binderFile) error {
	out, err := z.create(name)
	if err != nil {
		return err
	}
	if f.path == "" {
		_, err = out.Write(f.content)
		return err
	}
	in, err := os.Open(f.path)
	if err != nil {
		return fmt.Errorf("读取佐证文件 %s：%w", filepath.Base(f.path), err)
	}
	defer in.Close()
	_, err = io.Copy(out, in)
	return err
}

// fileName makes a name safe as one part of a path on Windows and macOS:
// no slash, colon or the other characters Windows refuses.
func fileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.TrimRight(name, ". ")
	if name == "" {
		return "_"
	}
	return name
}
