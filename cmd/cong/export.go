package main

import (
	"context"
	"errors"
	"io"
)

func cmdExport(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	return errors.New("todo")
}
