// Package app holds the rules of 团学台账: validation with Chinese messages,
// the use cases the screens call, sample data and, later, the reform rule
// sets and reports. It knows nothing of Fyne.
package app

import (
	"errors"
	"os"
	"strings"
	"unicode"

	"tuanxue/data"
)

// FieldError says what is wrong with one form field, in Chinese.
type FieldError struct {
	Field   string // the field's name in the draft struct, e.g. "Name"
	Message string
}

// ValidationError lists every field error of one form. It is an error only
// when non-empty; use Err to return it.
type ValidationError []FieldError

func (v ValidationError) Error() string {
	msgs := make([]string, len(v))
	for i, fe := range v {
		msgs[i] = fe.Message
	}
	return strings.Join(msgs, "；")
}

// For returns the message for field, or "".
func (v ValidationError) For(field string) string {
	for _, fe := range v {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

// Err returns v as an error, or nil when there is nothing wrong.
func (v ValidationError) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

func (v *ValidationError) add(field, msg string) {
	if v.For(field) == "" {
		*v = append(*v, FieldError{field, msg})
	}
}

// Message explains any error of this program to a teacher, in Chinese.
func Message(err error) string {
	var v ValidationError
	var internal *InternalError
	var notYours *NotYoursError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &v):
		return v.Error()
	case errors.As(err, &internal):
		return internal.Error()
	case errors.As(err, &notYours):
		return notYours.Error()
	case errors.Is(err, data.ErrNotYours):
		return (&NotYoursError{}).Error()
	case errors.Is(err, data.ErrNotSchool):
		return "只有校团委的账号可以做这件事（管理各办公室的账号、修改设置和改革指标）。"
	case errors.Is(err, data.ErrNoOffices):
		return "各办公室的账号只在共享数据库服务器上才有；本机数据文件只有一位老师使用，不需要账号。"
	case errors.Is(err, data.ErrBadRoleName):
		return "用户名只能用小写英文字母、数字和下划线，以字母开头，最长 63 个字符。"
	case errors.Is(err, ErrRestoreOnServer):
		return ErrRestoreOnServer.Error()
	case errors.Is(err, data.ErrEmptyFile):
		return "数据文件是空的（0 字节），可能复制时没有复制完整。程序没有改动它。请从备份恢复，或选择其他数据文件夹。"
	case errors.Is(err, data.ErrForeignFile):
		return "这个文件不是团学台账的数据文件（可能属于其他软件）。程序没有打开或改动它。请选择其他数据文件夹。"
	case errors.Is(err, data.ErrTampered):
		return "这个备份里的记录与制作备份时记下的校验值不一致：备份在保存或复制时被改动过。没有用它恢复，现在的数据没有任何改动。请换一个备份。"
	case errors.Is(err, data.ErrBadSchema):
		return "数据文件里记的版本号与其中的表对不上（版本号为负数、为 0 或比实际的低），文件可能已损坏。程序没有改动它。请用最近的备份恢复。"
	case errors.Is(err, data.ErrDamaged):
		return "数据文件已损坏，没有通过完整性检查。程序没有改动它。请用最近的备份恢复。"
	case errors.Is(err, data.ErrNewerSchema):
		return "这个数据文件由更新版本的团学台账创建，请先安装新版本再打开。程序没有改动它。"
	case errors.Is(err, data.ErrReadOnly):
		return "数据文件已损坏，现在只能查看和导出，不能修改。请在“系统设置 → 备份与恢复”中从备份恢复。"
	case errors.Is(err, data.ErrCopyStopped):
		return "已停止复制，服务器上没有写入任何记录。"
	case errors.Is(err, data.ErrConflict):
		return "这条记录刚刚在另一个窗口、另一个程序或另一位老师的电脑上被修改过，你的修改没有保存。请关闭后重新打开它，再修改一次。"
	case errors.Is(err, data.ErrRunning):
		return "团学台账已经在运行，并打开了同一个数据文件夹。请切换到已打开的窗口；同一个文件夹不能同时被两个程序使用。"
	case errors.Is(err, data.ErrLogin):
		return "共享数据库服务器拒绝了登录：用户名或密码不对，或这个用户没有使用该数据库的权限。请核对后重试，或请学校信息中心查看。"
	case errors.Is(err, data.ErrServer):
		return "连不上共享数据库服务器，刚才的操作没有完成（之前保存的记录不受影响）。请检查网络，以及“系统设置 → 数据库”中的服务器地址和端口，或请学校信息中心查看服务器。详情：" + err.Error()
	case errors.Is(err, data.ErrForeignDatabase):
		return "这个服务器数据库里已有其他软件的数据表，不是团学台账的数据库。程序没有改动它。请向信息中心要一个空数据库。"
	case errors.Is(err, data.ErrNotEmpty):
		return "目标数据库里已经有记录，没有复制，以免把两份数据混在一起。请复制到一个空数据库（或新的数据文件）。"
	case errors.Is(err, data.ErrNotWritable):
		return "不能在这个位置写入文件（没有写入权限，或是只读的盘）。请换一个位置。"
	case errors.Is(err, data.ErrDiskFull):
		return "磁盘已满，或数据文件夹不能写入：刚才的修改没有保存，之前的数据完好。请腾出磁盘空间（或换一个数据文件夹）后再试。"
	case diskFull(err): // a file written outside the store: an export, a backup, a USB stick
		return "磁盘已满，文件没有写完，之前保存的记录完好。请腾出磁盘空间，或换一个位置后再试。"
	case errors.Is(err, os.ErrPermission):
		return "没有权限读写这个文件或文件夹（可能被设为只读，或属于另一个用户）。没有做任何改动。请换一个位置，或请管理电脑的老师开放权限。"
	case errors.Is(err, os.ErrNotExist):
		return "找不到这个文件或文件夹。"
	case errors.Is(err, os.ErrExist):
		return "目标文件已经存在，没有覆盖它。请换一个文件名。"
	case errors.Is(err, data.ErrNotFound):
		return "记录不存在，可能已被删除。"
	case errors.Is(err, data.ErrDuplicate):
		return "已有同名记录。"
	case errors.Is(err, data.ErrInUse):
		return "还有其他记录依赖它，不能删除。"
	}
	if msg := err.Error(); hasChinese(msg) {
		return "操作没有完成：" + msg
	}
	// An error of a library, in English: said in Chinese, the words kept
	// for whoever helps the teacher.
	return "操作没有完成，程序遇到了没有预料到的错误。之前保存的记录不受影响。技术细节（请转告帮助你的老师）：" + err.Error()
}

// hasChinese reports whether a message is written for the teacher.
func hasChinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
