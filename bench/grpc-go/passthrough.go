// The grpc-go transport reference for `npm run bench`: a KubeVirt hook server (Info, OnDefineDomain
// of v1alpha1–v1alpha3) that returns the domain XML unchanged, as a Go sidecar without XML work
// would. Messages are read and written with protowire-style helpers over raw bytes, so it needs
// only google.golang.org/grpc (Debian's golang-google-grpc-dev, GOPATH mode, offline).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"google.golang.org/grpc"
)

// rawCodec hands the handlers the message bytes: the server does its own (minimal) protobuf.
type rawCodec struct{}

func (rawCodec) Marshal(v interface{}) ([]byte, error) { return *(v.(*[]byte)), nil }
func (rawCodec) Unmarshal(data []byte, v interface{}) error {
	*(v.(*[]byte)) = append([]byte(nil), data...)
	return nil
}
func (rawCodec) String() string { return "proto" }

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// appendBytes writes a length-delimited field (wire type 2).
func appendBytes(b []byte, field int, value []byte) []byte {
	b = appendVarint(b, uint64(field)<<3|2)
	b = appendVarint(b, uint64(len(value)))
	return append(b, value...)
}

func readVarint(b []byte) (uint64, int, error) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * uint(i))
		if b[i] < 0x80 {
			return v, i + 1, nil
		}
	}
	return 0, 0, errors.New("bad varint")
}

// bytesField returns the last occurrence of length-delimited field `want` (proto3 semantics).
func bytesField(msg []byte, want uint64) ([]byte, error) {
	var found []byte
	for len(msg) > 0 {
		key, n, err := readVarint(msg)
		if err != nil {
			return nil, err
		}
		msg = msg[n:]
		switch key & 7 {
		case 0:
			_, n, err = readVarint(msg)
		case 1:
			n = 8
		case 2:
			var length uint64
			length, n, err = readVarint(msg)
			if err == nil && uint64(len(msg)-n) < length {
				err = errors.New("truncated field")
			}
			if err == nil && key>>3 == want {
				found = msg[n : n+int(length)]
			}
			n += int(length)
		case 5:
			n = 4
		default:
			err = errors.New("unsupported wire type")
		}
		if err != nil || n > len(msg) {
			return nil, errors.New("malformed message")
		}
		msg = msg[n:]
	}
	return found, nil
}

func unary(name string, handle func([]byte) ([]byte, error)) grpc.MethodDesc {
	return grpc.MethodDesc{
		MethodName: name,
		Handler: func(_ interface{}, _ context.Context, dec func(interface{}) error, _ grpc.UnaryServerInterceptor) (interface{}, error) {
			var request []byte
			if err := dec(&request); err != nil {
				return nil, err
			}
			reply, err := handle(request)
			return &reply, err
		},
	}
}

func infoReply() []byte {
	var b []byte
	b = appendBytes(b, 1, []byte("passthrough-go"))
	b = appendBytes(b, 3, appendBytes(nil, 1, []byte("OnDefineDomain")))
	for _, version := range []string{"v1alpha3", "v1alpha2", "v1alpha1"} {
		b = appendBytes(b, 4, []byte(version))
	}
	return b
}

func passthrough(request []byte) ([]byte, error) {
	domain, err := bytesField(request, 1)
	if err != nil {
		return nil, err
	}
	return appendBytes(nil, 1, domain), nil
}

func main() {
	socketDir := flag.String("socket-dir", "", "directory for the socket")
	flag.Parse()
	if *socketDir == "" {
		fmt.Fprintln(os.Stderr, "usage: passthrough --socket-dir DIR")
		os.Exit(2)
	}
	server := grpc.NewServer(grpc.CustomCodec(rawCodec{}))
	info := infoReply()
	server.RegisterService(&grpc.ServiceDesc{
		ServiceName: "kubevirt.hooks.info.Info",
		HandlerType: (*interface{})(nil),
		Methods:     []grpc.MethodDesc{unary("Info", func([]byte) ([]byte, error) { return info, nil })},
	}, struct{}{})
	for _, version := range []string{"v1alpha1", "v1alpha2", "v1alpha3"} {
		server.RegisterService(&grpc.ServiceDesc{
			ServiceName: "kubevirt.hooks." + version + ".Callbacks",
			HandlerType: (*interface{})(nil),
			Methods:     []grpc.MethodDesc{unary("OnDefineDomain", passthrough)},
		}, struct{}{})
	}
	path := filepath.Join(*socketDir, fmt.Sprintf("passthrough-go-%d.sock", os.Getpid()))
	listener, err := net.Listen("unix", path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		server.Stop()
	}()
	if err := server.Serve(listener); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Remove(path)
}
