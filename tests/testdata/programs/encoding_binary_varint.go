package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

type Header struct {
	Magic   uint32
	Version uint16
	Flags   uint16
	Length  int64
}

func main() {
	b := make([]byte, 8)
	binary.BigEndian.PutUint32(b, 0xCAFEBABE)
	binary.LittleEndian.PutUint32(b[4:], 0xCAFEBABE)
	fmt.Printf("% x\n", b)
	fmt.Printf("%#x %#x\n", binary.BigEndian.Uint32(b), binary.LittleEndian.Uint16(b[4:]))
	var buf bytes.Buffer
	h := Header{Magic: 0x7f454c46, Version: 2, Flags: 5, Length: -3}
	if err := binary.Write(&buf, binary.BigEndian, h); err != nil {
		fmt.Println("write:", err)
	}
	fmt.Println(buf.Len(), binary.Size(h))
	fmt.Printf("% x\n", buf.Bytes())
	var back Header
	err := binary.Read(bytes.NewReader(buf.Bytes()), binary.BigEndian, &back)
	fmt.Printf("%+v %v\n", back, err)
	vb := make([]byte, binary.MaxVarintLen64)
	for _, v := range []int64{0, 1, -1, 63, -64, 300, 1 << 40} {
		n := binary.PutVarint(vb, v)
		got, m := binary.Varint(vb[:n])
		fmt.Printf("%d -> % x -> %d (%d)\n", v, vb[:n], got, m)
	}
	n := binary.PutUvarint(vb, 150)
	fmt.Printf("% x\n", vb[:n])
	out := binary.BigEndian.AppendUint16(nil, 513)
	fmt.Println(out)
	var small uint16
	err = binary.Read(bytes.NewReader([]byte{1}), binary.LittleEndian, &small)
	fmt.Println(small, err)
}
