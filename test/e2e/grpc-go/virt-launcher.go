// A KubeVirt hook client as virt-launcher is one, for the end-to-end tests: grpc-go with the
// default proto codec, a new connection for every call (2 s to connect, insecure, authority
// "localhost", blocking dial), and the call under the deadline the caller chose. One call per run:
// the call is read as JSON from stdin and its outcome written as JSON to stdout.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/golang/protobuf/proto"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
)

// The hook messages, written from proto/kubevirt/hooks/ with the struct tags protoc-gen-go gives
// proto3 fields, so the library encodes them exactly as KubeVirt's generated code does.

type InfoParams struct{}

type HookPoint struct {
	Name     string `protobuf:"bytes,1,opt,name=name,proto3" json:"name"`
	Priority int32  `protobuf:"varint,2,opt,name=priority,proto3" json:"priority"`
}

type InfoResult struct {
	Name       string       `protobuf:"bytes,1,opt,name=name,proto3" json:"name"`
	HookPoints []*HookPoint `protobuf:"bytes,3,rep,name=hookPoints,proto3" json:"hookPoints"`
	Versions   []string     `protobuf:"bytes,4,rep,name=versions,proto3" json:"versions"`
}

type OnDefineDomainParams struct {
	DomainXML []byte `protobuf:"bytes,1,opt,name=domainXML,proto3" json:"domainXML"`
	Vmi       []byte `protobuf:"bytes,2,opt,name=vmi,proto3" json:"vmi"`
}

type OnDefineDomainResult struct {
	DomainXML []byte `protobuf:"bytes,1,opt,name=domainXML,proto3" json:"domainXML"`
}

type PreCloudInitIsoParams struct {
	CloudInitNoCloudSource []byte `protobuf:"bytes,1,opt,name=cloudInitNoCloudSource,proto3" json:"cloudInitNoCloudSource"`
	Vmi                    []byte `protobuf:"bytes,2,opt,name=vmi,proto3" json:"vmi"`
	CloudInitData          []byte `protobuf:"bytes,3,opt,name=cloudInitData,proto3" json:"cloudInitData"`
}

type PreCloudInitIsoResult struct {
	CloudInitNoCloudSource []byte `protobuf:"bytes,1,opt,name=cloudInitNoCloudSource,proto3" json:"cloudInitNoCloudSource"`
	CloudInitData          []byte `protobuf:"bytes,3,opt,name=cloudInitData,proto3" json:"cloudInitData"`
}

type ShutdownParams struct{}

type ShutdownResult struct{}

type SidecarContext struct {
	InvocationContext string `protobuf:"bytes,1,opt,name=invocation_context,json=invocationContext,proto3" json:"invocationContext"`
}

type MutateDomainRequest struct {
	DomainType     string          `protobuf:"bytes,1,opt,name=domain_type,json=domainType,proto3" json:"domainType"`
	Domain         []byte          `protobuf:"bytes,2,opt,name=domain,proto3" json:"domain"`
	Vmi            []byte          `protobuf:"bytes,3,opt,name=vmi,proto3" json:"vmi"`
	SidecarContext *SidecarContext `protobuf:"bytes,4,opt,name=sidecar_context,json=sidecarContext,proto3" json:"sidecarContext"`
}

type MutateDomainResponse struct {
	Domain []byte `protobuf:"bytes,1,opt,name=domain,proto3" json:"domain"`
}

// proto.Message for each: what generated code adds to every message type.

func (m *InfoParams) Reset()                    { *m = InfoParams{} }
func (m *InfoParams) String() string            { return proto.CompactTextString(m) }
func (*InfoParams) ProtoMessage()               {}
func (m *HookPoint) Reset()                     { *m = HookPoint{} }
func (m *HookPoint) String() string             { return proto.CompactTextString(m) }
func (*HookPoint) ProtoMessage()                {}
func (m *InfoResult) Reset()                    { *m = InfoResult{} }
func (m *InfoResult) String() string            { return proto.CompactTextString(m) }
func (*InfoResult) ProtoMessage()               {}
func (m *OnDefineDomainParams) Reset()          { *m = OnDefineDomainParams{} }
func (m *OnDefineDomainParams) String() string  { return proto.CompactTextString(m) }
func (*OnDefineDomainParams) ProtoMessage()     {}
func (m *OnDefineDomainResult) Reset()          { *m = OnDefineDomainResult{} }
func (m *OnDefineDomainResult) String() string  { return proto.CompactTextString(m) }
func (*OnDefineDomainResult) ProtoMessage()     {}
func (m *PreCloudInitIsoParams) Reset()         { *m = PreCloudInitIsoParams{} }
func (m *PreCloudInitIsoParams) String() string { return proto.CompactTextString(m) }
func (*PreCloudInitIsoParams) ProtoMessage()    {}
func (m *PreCloudInitIsoResult) Reset()         { *m = PreCloudInitIsoResult{} }
func (m *PreCloudInitIsoResult) String() string { return proto.CompactTextString(m) }
func (*PreCloudInitIsoResult) ProtoMessage()    {}
func (m *ShutdownParams) Reset()                { *m = ShutdownParams{} }
func (m *ShutdownParams) String() string        { return proto.CompactTextString(m) }
func (*ShutdownParams) ProtoMessage()           {}
func (m *ShutdownResult) Reset()                { *m = ShutdownResult{} }
func (m *ShutdownResult) String() string        { return proto.CompactTextString(m) }
func (*ShutdownResult) ProtoMessage()           {}
func (m *SidecarContext) Reset()                { *m = SidecarContext{} }
func (m *SidecarContext) String() string        { return proto.CompactTextString(m) }
func (*SidecarContext) ProtoMessage()           {}
func (m *MutateDomainRequest) Reset()           { *m = MutateDomainRequest{} }
func (m *MutateDomainRequest) String() string   { return proto.CompactTextString(m) }
func (*MutateDomainRequest) ProtoMessage()      {}
func (m *MutateDomainResponse) Reset()          { *m = MutateDomainResponse{} }
func (m *MutateDomainResponse) String() string  { return proto.CompactTextString(m) }
func (*MutateDomainResponse) ProtoMessage()     {}

// call is what stdin describes: the socket, the method's full path, the deadline, the fields.
type call struct {
	Socket            string  `json:"socket"`
	Method            string  `json:"method"`
	DeadlineMs        int     `json:"deadlineMs"`
	DomainXML         []byte  `json:"domainXML"`
	Vmi               []byte  `json:"vmi"`
	CloudInitData     []byte  `json:"cloudInitData"`
	NoCloudSource     []byte  `json:"cloudInitNoCloudSource"`
	DomainType        string  `json:"domainType"`
	Domain            []byte  `json:"domain"`
	InvocationContext *string `json:"invocationContext"`
}

// outcome is what stdout receives: the status as grpc-go's client reports it, and the reply.
type outcome struct {
	Code      string      `json:"code"`
	Message   string      `json:"message"`
	ElapsedMs float64     `json:"elapsedMs"`
	Reply     interface{} `json:"reply,omitempty"`
}

// messages returns the request and an empty reply of the method, as the generated client would.
func messages(c call) (proto.Message, proto.Message, error) {
	switch c.Method {
	case "/kubevirt.hooks.info.Info/Info":
		return &InfoParams{}, &InfoResult{}, nil
	case "/kubevirt.hooks.v1alpha1.Callbacks/OnDefineDomain",
		"/kubevirt.hooks.v1alpha2.Callbacks/OnDefineDomain",
		"/kubevirt.hooks.v1alpha3.Callbacks/OnDefineDomain":
		return &OnDefineDomainParams{DomainXML: c.DomainXML, Vmi: c.Vmi}, &OnDefineDomainResult{}, nil
	case "/kubevirt.hooks.v1alpha2.Callbacks/PreCloudInitIso",
		"/kubevirt.hooks.v1alpha3.Callbacks/PreCloudInitIso":
		request := &PreCloudInitIsoParams{
			CloudInitNoCloudSource: c.NoCloudSource, Vmi: c.Vmi, CloudInitData: c.CloudInitData,
		}
		return request, &PreCloudInitIsoResult{}, nil
	case "/kubevirt.hooks.v1alpha3.Callbacks/Shutdown":
		return &ShutdownParams{}, &ShutdownResult{}, nil
	case "/kubevirt.hooks.plugins.v1alpha1.DomainHookService/MutateDomain":
		request := &MutateDomainRequest{DomainType: c.DomainType, Domain: c.Domain, Vmi: c.Vmi}
		if c.InvocationContext != nil {
			request.SidecarContext = &SidecarContext{InvocationContext: *c.InvocationContext}
		}
		return request, &MutateDomainResponse{}, nil
	}
	return nil, nil, fmt.Errorf("unknown method %q", c.Method)
}

// dial connects the way virt-launcher's DialSocketWithTimeout does.
func dial(socket string) (*grpc.ClientConn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return grpc.DialContext(ctx, socket,
		grpc.WithAuthority("localhost"),
		grpc.WithInsecure(),
		grpc.WithContextDialer(func(ctx context.Context, address string) (net.Conn, error) {
			var dialer net.Dialer
			return dialer.DialContext(ctx, "unix", address)
		}),
		grpc.WithBlock(),
	)
}

func run(c call) (outcome, error) {
	request, reply, err := messages(c)
	if err != nil {
		return outcome{}, err
	}
	connection, err := dial(c.Socket)
	if err != nil {
		return outcome{}, fmt.Errorf("dial %s: %w", c.Socket, err)
	}
	defer connection.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(c.DeadlineMs)*time.Millisecond)
	defer cancel()
	started := time.Now()
	err = connection.Invoke(ctx, c.Method, request, reply)
	elapsed := float64(time.Since(started).Microseconds()) / 1000
	answer := status.Convert(err)
	result := outcome{Code: answer.Code().String(), Message: answer.Message(), ElapsedMs: elapsed}
	if err == nil {
		result.Reply = reply
	}
	return result, nil
}

func main() {
	var c call
	if err := json.NewDecoder(os.Stdin).Decode(&c); err != nil {
		fmt.Fprintln(os.Stderr, "stdin:", err)
		os.Exit(2)
	}
	result, err := run(c)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(result); err != nil {
		fmt.Fprintln(os.Stderr, "stdout:", err)
		os.Exit(1)
	}
}
