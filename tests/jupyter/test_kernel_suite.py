"""Jupyter's own kernel test suite (jupyter_kernel_test) against the installed ConcurLab kernel.

Every attribute the suite offers is set for Go, so no test is skipped for a feature we have.
"""
import unittest

import jupyter_kernel_test


class ConcurLabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "concurlab"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'import "fmt"\nfmt.Println("hello, world")'
    code_stderr = 'import (\n\t"fmt"\n\t"os"\n)\nfmt.Fprintln(os.Stderr, "to stderr")'
    code_generate_error = 'panic("boom")'
    code_execute_result = [
        {"code": "1+1", "result": "2"},
        {"code": "6 * 7", "result": "42"},
        {"code": 'len("héllo")', "result": "6"},
        {"code": 'import "strings"\nstrings.Repeat("ab", 2)', "result": '"abab"'},
    ]
    code_display_data = [
        {"code": 'import "display"\ndisplay.HTML("<b>bold</b>")', "mime": "text/html"},
        {"code": 'import "display"\ndisplay.SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`)', "mime": "image/svg+xml"},
        {"code": 'import "display"\ndisplay.Markdown("# title")', "mime": "text/markdown"},
    ]
    code_clear_output = 'import "display"\ndisplay.Clear(false)'
    code_history_pattern = "6 ? 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "fmt.Println"
    code_page_something = "?fmt.Println"

    completion_samples = [
        # Matches replace the text from cursor_start, the word under the cursor.
        {"text": "fmt.Print", "matches": {"Print", "Printf", "Println"}},
        {"text": "strings.ToUp", "matches": {"ToUpper", "ToUpperSpecial"}},
    ]
    complete_code_samples = ["1+1", "x := 1", "func f() {}", 'import "fmt"', "for {\n}"]
    incomplete_code_samples = ["func f() {", "for i := 0; i < 3; i++ {", "x := []int{1,", "s := `raw"]
    invalid_code_samples = ["}", "func f() { }}", "x := )"]


if __name__ == "__main__":
    unittest.main()
