package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"filippo.io/age"
)

// encryptFlags are the flags of `cong backup` that make the archive an age
// file: a backup of Cổng holds every applicant's name, CCCD and address.
type encryptFlags struct {
	encrypt       bool
	recipients    []string
	recipientFile string
	passphrase    bool
}

func (e *encryptFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&e.encrypt, "encrypt", false, "mã hoá bản sao lưu bằng age (cần --recipient, --recipient-file hoặc --passphrase)")
	fs.Func("recipient", "khoá công khai age (age1…) được giải mã bản sao lưu; có thể lặp lại", func(s string) error {
		e.recipients = append(e.recipients, s)
		return nil
	})
	fs.StringVar(&e.recipientFile, "recipient-file", "", "tệp chứa các khoá công khai age, mỗi dòng một khoá (dòng bắt đầu bằng # được bỏ qua)")
	fs.BoolVar(&e.passphrase, "passphrase", false, "mã hoá bằng cụm mật khẩu đọc từ dòng đầu của stdin (scrypt) thay cho khoá")
}

// parse returns the recipients, nil when the backup is not encrypted.
func (e *encryptFlags) parse(stdin io.Reader) ([]age.Recipient, error) {
	keyed := len(e.recipients) > 0 || e.recipientFile != ""
	if !e.encrypt {
		if keyed || e.passphrase {
			return nil, errors.New("--recipient, --recipient-file và --passphrase chỉ dùng cùng --encrypt")
		}
		return nil, nil
	}
	if e.passphrase {
		if keyed {
			return nil, errors.New("--passphrase không dùng chung với --recipient hay --recipient-file (age không trộn hai cách)")
		}
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("đọc cụm mật khẩu từ stdin: %w", err)
		}
		pass := strings.TrimRight(line, "\r\n")
		if len([]rune(pass)) < 12 {
			return nil, errors.New("cụm mật khẩu phải có ít nhất 12 ký tự")
		}
		r, err := age.NewScryptRecipient(pass)
		if err != nil {
			return nil, err
		}
		return []age.Recipient{r}, nil
	}
	var out []age.Recipient
	for _, s := range e.recipients {
		r, err := age.ParseX25519Recipient(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("--recipient %q không phải khoá công khai age (age1…): %v", s, err)
		}
		out = append(out, r)
	}
	if e.recipientFile != "" {
		f, err := os.Open(e.recipientFile)
		if err != nil {
			return nil, fmt.Errorf("--recipient-file: %w", err)
		}
		defer f.Close()
		rs, err := age.ParseRecipients(f)
		if err != nil {
			return nil, fmt.Errorf("--recipient-file %s: %v", e.recipientFile, err)
		}
		out = append(out, rs...)
	}
	if len(out) == 0 {
		return nil, errors.New("--encrypt cần --recipient age1…, --recipient-file TỆP hoặc --passphrase")
	}
	return out, nil
}
