package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tuanxue/app"
	"tuanxue/data"
)

// copyRecords is `tuanxue db copy --from A --to B`: every record of A into
// B, where each is a data file or a postgres:// server. The target must be
// new: a file that does not exist yet, or a server database without our
// records. Both sides are compared table by table (rows and a content hash)
// before it says it is done. 0 when copied, 2 for wrong arguments, 1 when
// a side cannot be used or the copy fails (nothing is left half-written).
func copyRecords(from, to, dataDir string, stdout, stderr io.Writer) int {
	if from == "" || to == "" {
		fmt.Fprintln(stderr, "请写成：tuanxue db copy --from 数据文件.db --to postgres://用户名@服务器:5432/数据库名（或反过来，复制到一个新的数据文件）")
		return 2
	}
	from, to = inFolder(from), inFolder(to)
	if from == to {
		fmt.Fprintln(stderr, "--from 和 --to 是同一个地方，不能复制到自身")
		return 2
	}
	if !data.IsServerURL(to) {
		// Never into the data folder's own files; an existing file is
		// refused by the copy itself.
		if err := app.CheckOutput(dataDir, to, true); err != nil {
			fmt.Fprintln(stderr, app.Message(err))
			return 2
		}
	}
	src, err := openForCopy(from, dataDir)
	if err != nil {
		fmt.Fprintf(stderr, "打不开 %s：%s\n", shown(from), app.Message(err))
		return 1
	}
	defer src.Close()

	var digests []data.TableDigest
	if data.IsServerURL(to) {
		var dst *data.Store
		dst, err = data.Open(data.Config{Dir: dataDir, URL: to})
		if err != nil {
			fmt.Fprintf(stderr, "打不开 %s：%s\n", shown(to), app.Message(err))
			return 1
		}
		defer dst.Close()
		digests, err = src.CopyTo(dst)
	} else {
		digests, err = src.CopyToFile(to)
	}
	if err != nil {
		fmt.Fprintf(stderr, "没有复制：%s\n", app.Message(err))
		return 1
	}
	var rows int64
	for _, d := range digests {
		fmt.Fprintf(stdout, "%-20s %8d 行  %.16s\n", d.Table, d.Rows, d.Hash)
		rows += d.Rows
	}
	fmt.Fprintf(stdout, "已把 %s 的 %d 张表、%d 行复制到 %s，两边逐表核对行数和内容校验值，完全一致。\n",
		shown(from), len(digests), rows, shown(to))
	return 0
}

// openForCopy opens the source: a server, or a snapshot of a data file,
// which the copy only reads (an older file is migrated in the snapshot).
func openForCopy(where, dataDir string) (*data.Store, error) {
	if data.IsServerURL(where) {
		return data.Open(data.Config{Dir: dataDir, URL: where})
	}
	return data.OpenSnapshot(where)
}

// inFolder takes a data folder for the data file in it, as teachers name
// the folder rather than the file.
func inFolder(where string) string {
	if st, err := os.Stat(where); err == nil && st.IsDir() {
		return filepath.Join(where, data.FileName)
	}
	return where
}

// shown is a place as it may be printed: a server without its password.
func shown(where string) string {
	if data.IsServerURL(where) {
		return data.RedactURL(where)
	}
	return where
}
