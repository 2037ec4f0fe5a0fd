package plot

import (
	"fmt"
	"sync/atomic"
)

// Language says in which language pictures label themselves.
type Language int32

// The languages of labels. Both, the zero value, is the default.
const (
	Both    Language = iota // 中文 · English
	Chinese                 // 中文
	English                 // English
)

var languageNames = [...]string{"both", "zh", "en"}

// String returns "both", "zh" or "en".
func (l Language) String() string {
	if l < 0 || int(l) >= len(languageNames) {
		return fmt.Sprintf("Language(%d)", int32(l))
	}
	return languageNames[l]
}

var language atomic.Int32

// SetLanguage makes l the language of every picture drawn after it. It returns an error,
// and changes nothing, for a value that is not one of the constants.
func SetLanguage(l Language) error {
	if l < Both || l > English {
		return fmt.Errorf("unknown language %d: use Both, Chinese or English", int32(l))
	}
	language.Store(int32(l))
	return nil
}

// Current returns the language set by SetLanguage.
func Current() Language { return Language(language.Load()) }

// L returns a label in the current language: zh, en, or both as "zh · en". When one of them
// is empty or they are the same, the other is all there is to say.
func L(zh, en string) string {
	switch {
	case zh == "" || zh == en:
		return en
	case en == "":
		return zh
	}
	switch Current() {
	case Chinese:
		return zh
	case English:
		return en
	}
	return zh + " · " + en
}

// LabelLines returns a label as lines: the Chinese and the English on two lines for Both, one line
// otherwise. Small boxes use it where "zh · en" would not fit on one line.
func LabelLines(zh, en string) []string {
	if Current() == Both && zh != "" && en != "" && zh != en {
		return []string{zh, en}
	}
	return []string{L(zh, en)}
}

// F formats a label in the current language: zh and en are formats for the same args.
func F(zh, en string, args ...any) string {
	return L(fmt.Sprintf(zh, args...), fmt.Sprintf(en, args...))
}

// Plural returns the English noun for n of it: noun with an s unless n is 1.
func Plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
