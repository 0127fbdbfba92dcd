// Command spelling answers how Kratos v1.3.1 spells identifiers and addresses, by calling
// Kratos's own code: the app's tests compare lib/policy/identifierSpelling.ts with it.
//
// Input: JSON strings on stdin, one after another. Output: one JSON object per input, one a
// line: what Kratos looks up for that string as a sign-in identifier of each credential type
// whose lookup normalises (FindByCredentialsIdentifier, persistence/sql/identity/
// persister_identity.go:205, through the exported NormalizeIdentifier, line 126). Recovery and
// verification addresses are looked up with the unexported stringToLowerTrim (lines 1206 and
// 1220), the very function NormalizeIdentifier returns for these types (lines 122 and 142).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ory/kratos/identity"
	sqlidentity "github.com/ory/kratos/persistence/sql/identity"
)

type answer struct {
	Password string `json:"password"`
	Code     string `json:"code"`
	WebAuthn string `json:"webauthn"`
}

func spell(s string) answer {
	return answer{
		Password: sqlidentity.NormalizeIdentifier(identity.CredentialsTypePassword, s),
		Code:     sqlidentity.NormalizeIdentifier(identity.CredentialsTypeCodeAuth, s),
		WebAuthn: sqlidentity.NormalizeIdentifier(identity.CredentialsTypeWebAuthn, s),
	}
}

func run(in io.Reader, out io.Writer) error {
	dec := json.NewDecoder(bufio.NewReaderSize(in, 1<<16))
	w := bufio.NewWriterSize(out, 1<<16)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for {
		var s string
		if err := dec.Decode(&s); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return fmt.Errorf("input: %w", err)
		}
		if err := enc.Encode(spell(s)); err != nil {
			return err
		}
	}
	return w.Flush()
}

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "spelling:", err)
		os.Exit(1)
	}
}
