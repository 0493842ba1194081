package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"tuanxue/data"
)

// Evidence files (佐证材料) are kept the same way whatever they prove — a
// rectification item or a reform indicator: a copy in the data folder
// under the teacher's own file name, the content in the records, the
// recycle bin when removed. This file holds what both share.

// EvidenceDir is the folder inside the data folder that keeps evidence.
const EvidenceDir = "evidence"

// MaxEvidenceSize is the largest evidence file taken: a scanned report or
// a set of photos, not a video.
const MaxEvidenceSize = 100 << 20

// maxEvidenceName keeps a stored name, with its “（2）”, within the 255
// bytes a folder entry may have (a Chinese character takes 3).
const maxEvidenceName = 80

// AddEvidence copies a file into the data folder as evidence of an item.
// The name is kept as the teacher's file was called (Chinese and spaces
// included); a second file of the same name gets a number.
func (s *Service) AddEvidence(itemID uint, name string, r io.Reader) (Evidence, error) {
	if _, err := s.store.Rectification(itemID); err != nil {
		return Evidence{}, err
	}
	siblings, err := s.store.EvidenceOf(itemID)
	if err != nil {
		return Evidence{}, err
	}
	return s.keepEvidence(Evidence{ItemID: &itemID}, filepath.Join(EvidenceDir, fmt.Sprint(itemID)), name, r, siblings)
}

// keepEvidence checks a file (its name, its size, that the same content is
// not among siblings yet), copies it into folder of the data folder and
// records e for it with its content. Bad input changes nothing.
func (s *Service) keepEvidence(e Evidence, folder, name string, r io.Reader, siblings []Evidence) (Evidence, error) {
	name, err := evidenceName(name)
	if err != nil {
		return Evidence{}, err
	}
	content, err := io.ReadAll(io.LimitReader(r, MaxEvidenceSize+1))
	if err != nil {
		return Evidence{}, fmt.Errorf("读取佐证材料：%w", err)
	}
	switch {
	case len(content) > MaxEvidenceSize:
		return Evidence{}, ValidationError{{"", fmt.Sprintf("“%s”超过 %d MB，太大了。请压缩后再添加，或只添加其中要紧的页。", name, MaxEvidenceSize>>20)}}
	case len(content) == 0:
		return Evidence{}, ValidationError{{"", "“" + name + "”是空文件（0 字节），没有添加。请选择有内容的文件。"}}
	}
	if twin := s.sameContent(content, siblings); twin != "" {
		return Evidence{}, ValidationError{{"", fmt.Sprintf("“%s”与已添加的“%s”内容相同，没有重复添加。", name, twin)}}
	}
	root := s.store.Dir()
	if err := os.MkdirAll(filepath.Join(root, folder), 0o700); err != nil {
		return Evidence{}, err
	}
	rel, ext := filepath.Join(folder, name), filepath.Ext(name)
	for n := 2; fileExists(filepath.Join(root, rel)); n++ {
		rel = filepath.Join(folder, fmt.Sprintf("%s（%d）%s", strings.TrimSuffix(name, ext), n, ext))
	}
	size, err := data.WriteFileSafely(filepath.Join(root, rel), bytes.NewReader(content))
	if err != nil {
		return Evidence{}, fmt.Errorf("复制佐证材料：%w", err)
	}
	e.Name, e.Stored, e.Size, e.AddedOn = filepath.Base(rel), filepath.ToSlash(rel), size, s.Today()
	if err := s.store.SaveEvidence(&e, content); err != nil {
		os.Remove(filepath.Join(root, rel))
		return e, err
	}
	return e, nil
}

// evidenceName is the file's own name without its folders, refused when
// it could not be shown, printed or stored on every system.
func evidenceName(name string) (string, error) {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	shown := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return '?'
		}
		return r
	}, name)
	switch {
	case name == "." || name == "/" || strings.TrimSpace(name) == "":
		return "", ValidationError{{"", "文件名无效"}}
	case !utf8.ValidString(name):
		return "", ValidationError{{"", "文件名“" + shown + "”含有无法识别的文字编码，请把文件改名后再添加。"}}
	case strings.ContainsFunc(name, unicode.IsControl):
		return "", ValidationError{{"", "文件名“" + shown + "”含有换行、制表符之类的控制字符（显示为 ?），请把文件改名后再添加。"}}
	case utf8.RuneCountInString(name) > maxEvidenceName:
		return "", ValidationError{{"", fmt.Sprintf("文件名太长（%d 个字），请改短到 %d 个字以内再添加。", utf8.RuneCountInString(name), maxEvidenceName)}}
	}
	return name, nil
}

// sameContent names the sibling whose content is content, or "". Only a
// file of the same size is read.
func (s *Service) sameContent(content []byte, siblings []Evidence) string {
	for _, e := range siblings {
		if e.Size != int64(len(content)) {
			continue
		}
		other, err := s.store.EvidenceContent(e.ID)
		if errors.Is(err, data.ErrNotFound) { // kept before schema 7: only the copy
			other, err = os.ReadFile(filepath.Join(s.store.Dir(), filepath.FromSlash(e.Stored)))
		}
		if err == nil && bytes.Equal(other, content) {
			return e.Name
		}
	}
	return ""
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// EvidencePath is where an evidence file lies on disk, ready to open. A
// file added on another computer (a shared server) is written into this
// data folder from the records first.
func (s *Service) EvidencePath(e Evidence) (string, error) {
	path := filepath.Join(s.store.Dir(), filepath.FromSlash(e.Stored))
	if fileExists(path) {
		return path, nil
	}
	content, err := s.store.EvidenceContent(e.ID)
	if errors.Is(err, data.ErrNotFound) {
		return "", ValidationError{{"", "“" + e.Name + "”只保存在添加它的那台电脑的数据文件夹中（添加时还不保存内容），这台电脑上没有。请到那台电脑上打开。"}}
	}
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", err
	}
	if _, err := data.WriteFileSafely(path, bytes.NewReader(content)); err != nil {
		return "", err
	}
	return path, nil
}

// DeleteEvidence moves an evidence file to the recycle bin; the file stays
// in the data folder until the bin is emptied.
func (s *Service) DeleteEvidence(id uint) error { return s.store.DeleteEvidence(id) }
