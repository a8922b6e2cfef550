package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/payjob"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
)

// paymentsEvery is how often the server executes refunds owed (and checks
// whether yesterday has been reconciled).
const paymentsEvery = 15 * time.Minute

// paymentProvider builds the gateway adapter from validated flags; nil
// when online payment is off.
func paymentProvider(c *config.Config) (payment.Provider, error) {
	if !c.PaymentOn() {
		return nil, nil
	}
	secret, err := c.PaymentSecret()
	if err != nil {
		return nil, err
	}
	return &payment.VNPay{URL: c.PaymentURL, APIURL: c.PaymentAPIURL, TmnCode: c.PaymentMerchant, Secret: secret}, nil
}

// startPayments runs refunds and the daily reconciliation until ctx ends;
// the returned channel is closed when the job has stopped.
func startPayments(ctx context.Context, prov payment.Provider, st *store.Store, siteID int64, loc *time.Location, log *slog.Logger) <-chan struct{} {
	done := make(chan struct{})
	if prov == nil {
		close(done)
		return done
	}
	go func() { payjob.Run(ctx, st, prov, siteID, loc, paymentsEvery, log); close(done) }()
	return done
}

// cmdPayments: `cong payments reconcile [--day YYYY-MM-DD]` compares a
// day's payments (yesterday by default) with the gateway and flags the
// differences on the admin page; `cong payments refund` executes the
// refunds owed now rather than at the server's next round.
func cmdPayments(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	const use = "dùng: cong payments reconcile [--day YYYY-MM-DD] | refund  [--data DIR] [--db URL] [--payment-…]"
	if len(args) == 0 || (args[0] != "reconcile" && args[0] != "refund") {
		return usageErr(errors.New(use))
	}
	var c config.Config
	fs := flag.NewFlagSet("payments "+args[0], flag.ContinueOnError)
	config.DBFlags(fs, &c)
	config.PaymentFlags(fs, &c)
	day := fs.String("day", "", "ngày đối soát YYYY-MM-DD (mặc định: hôm qua, giờ Việt Nam)")
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 0 {
		return usageErr(fmt.Errorf("tham số thừa: %v", fs.Args()))
	}
	if !c.PaymentOn() {
		return usageErr(errors.New("thanh toán trực tuyến chưa được cấu hình (--payment-url, --payment-api-url, --payment-merchant, --payment-secret-file)"))
	}
	if err := c.ValidatePayment(); err != nil {
		return usageErr(err)
	}
	prov, err := paymentProvider(&c)
	if err != nil {
		return usageErr(err)
	}
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return err
	}
	d := time.Now().In(loc).AddDate(0, 0, -1)
	if *day != "" {
		if d, err = time.ParseInLocation("2006-01-02", *day, loc); err != nil {
			return usageErr(fmt.Errorf("--day phải có dạng YYYY-MM-DD (nhận được %q)", *day))
		}
	}
	st, err := store.Open(ctx, c.DB, c.Data)
	if err != nil {
		return usageErr(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	st.SetPaymentProvider(prov.Name())
	site, err := st.EnsureSite(ctx, defaultSite)
	if err != nil {
		return err
	}
	if args[0] == "refund" {
		done, failed, err := payjob.Refunds(ctx, st, prov, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Hoàn tiền: %d thành công, %d chưa được (sẽ thử lại).\n", done, failed)
		return nil
	}
	rep, err := payjob.Reconcile(ctx, st, prov, site.ID, d, loc)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đối soát ngày %s: %d giao dịch, %d khớp, %d ghi nhận bổ sung (IPN không đến), %d sai lệch.\n",
		rep.Day.Format("02/01/2006"), rep.Checked, rep.Agreed, rep.Recovered, rep.Mismatches)
	if rep.Mismatches > 0 {
		fmt.Fprintln(stdout, "Xem các sai lệch tại Quản trị › Thanh toán.")
	}
	return nil
}
