package main

import (
	"context"
	"errors"
	"fmt"
)

type ctxKey string

const requestID ctxKey = "request-id"

func handle(ctx context.Context) string {
	id, ok := ctx.Value(requestID).(string)
	if !ok {
		return "no request id"
	}
	return "handling " + id
}

func main() {
	base := context.Background()
	fmt.Println(handle(base))
	ctx := context.WithValue(base, requestID, "r-17")
	fmt.Println(handle(ctx))
	inner := context.WithValue(ctx, ctxKey("user"), "ada")
	fmt.Println(handle(inner), inner.Value(ctxKey("user")), inner.Value("user"))

	errShutdown := errors.New("server shutting down")
	cctx, cancel := context.WithCancelCause(ctx)
	cancel(errShutdown)
	<-cctx.Done()
	fmt.Println(cctx.Err(), context.Cause(cctx))
	fmt.Println(errors.Is(context.Cause(cctx), errShutdown), handle(cctx))
	detached := context.WithoutCancel(cctx)
	fmt.Println(detached.Err(), handle(detached))
}
