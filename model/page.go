package model

// PageKind says what a page documents.
type PageKind string

const (
	PageResource   PageKind = "resource"   // a resource (entity or complex type) page
	PageEnum       PageKind = "enum"       // one enum, or an aggregate "enums" page
	PageAPI        PageKind = "api"        // a method page: one or more HTTP operations
	PageConceptual PageKind = "conceptual" // overview text; read for links only
	PageInclude    PageKind = "include"    // a fragment other pages include ([!INCLUDE ...])
	PageUnknown    PageKind = "unknown"
)

// Page is one markdown file as read: its metadata, outline, links and tables. The types and operations it
// documents are in Model.Types and Model.Operations, which point back to it by path.
type Page struct {
	Path        string      `json:"path"`
	Kind        PageKind    `json:"kind"`
	DocType     string      `json:"docType,omitempty"`
	Title       string      `json:"title,omitempty"`
	Description string      `json:"description,omitempty"`
	H1          *Text       `json:"h1,omitempty"`
	Namespace   *Text       `json:"namespace,omitempty"`
	FrontMatter FrontMatter `json:"frontMatter"`
	Headings    []Heading   `json:"headings,omitempty"`
	Links       []Link      `json:"links,omitempty"`
	Includes    []Include   `json:"includes,omitempty"`
	// Tables, Annotations and CodeBlocks are the page's raw structure, for checks; the JSON export leaves them
	// out (the types and operations carry what they say).
	Tables      []*Table      `json:"-"`
	Annotations []*Annotation `json:"-"`
	CodeBlocks  []CodeBlock   `json:"-"`
	Degraded    bool          `json:"degraded,omitempty"`   // markdown structure was missing; read as plain text
	Types       []string      `json:"types,omitempty"`      // full names of types this page defines
	Operations  []string      `json:"operations,omitempty"` // IDs of operations this page defines

	// Source is the page's text, kept for checks that look at raw lines (placeholders, Content-Length).
	Source []byte `json:"-"`
}

// Line returns the text of the 1-based line n of the page, without its line ending.
func (p *Page) Line(n int) string {
	if n < 1 {
		return ""
	}
	src := p.Source
	for i := 1; i < n; i++ {
		j := indexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := indexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	if len(src) > 0 && src[len(src)-1] == '\r' {
		src = src[:len(src)-1]
	}
	return string(src)
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// Text is a piece of text and where it was read.
type Text struct {
	Text string `json:"text"`
	Pos  Pos    `json:"pos"`
}

// FrontMatterForm says how the page's metadata was written.
type FrontMatterForm string

const (
	FrontMatterNone  FrontMatterForm = "none"
	FrontMatterYAML  FrontMatterForm = "yaml"
	FrontMatterTable FrontMatterForm = "table" // rendered as a two-column table, as on scraped pages
)

// FrontMatter is the page's metadata block.
type FrontMatter struct {
	Form   FrontMatterForm `json:"form"`
	Pos    Pos             `json:"pos"`
	Fields []Field         `json:"fields,omitempty"`
}

// Get returns the value of key, ignoring case.
func (f FrontMatter) Get(key string) (Field, bool) {
	for _, x := range f.Fields {
		if equalFold(x.Key, key) {
			return x, true
		}
	}
	return Field{}, false
}

// Field is one metadata entry.
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Pos   Pos    `json:"pos"`
}

// Heading is one heading of the page outline. Tab-group markers such as "# [HTTP](#tab/http)" are not headings.
type Heading struct {
	Level  int    `json:"level"`
	Text   string `json:"text"`
	Anchor string `json:"anchor"` // the id the docs site gives it: lower case, punctuation dropped, spaces to '-'
	Pos    Pos    `json:"pos"`
}

// Link is a markdown link. Target is as written.
type Link struct {
	Text   string `json:"text"`
	Target string `json:"target"`
	Pos    Pos    `json:"pos"`
}

// Include is a docfx include: [!INCLUDE [name](target)], or "[!INCLUDE name]" on scraped pages.
type Include struct {
	Name   string `json:"name"`
	Target string `json:"target,omitempty"`
	Pos    Pos    `json:"pos"`
}

// TableRole says what a table documents, decided from its header and the section it is in.
type TableRole string

const (
	TableProperties    TableRole = "properties"
	TableRelationships TableRole = "relationships"
	TableEnumMembers   TableRole = "enum-members"
	TablePermissions   TableRole = "permissions"
	TableHeaders       TableRole = "request-headers"
	TableRequestBody   TableRole = "request-body"
	TableParameters    TableRole = "parameters" // path, query or function parameters
	TableMethods       TableRole = "methods"
	TableFrontMatter   TableRole = "front-matter"
	TableOther         TableRole = "other"
)

// Table is a pipe table. Cells keep their text as written (markdown, trimmed).
type Table struct {
	Role    TableRole `json:"role"`
	Section string    `json:"section,omitempty"` // text of the nearest heading above
	Pos     Pos       `json:"pos"`
	Header  []Cell    `json:"header"`
	Rows    []Row     `json:"rows"`
}

// Row is a table row.
type Row struct {
	Pos   Pos    `json:"pos"`
	Cells []Cell `json:"cells"`
}

// Cell is a table cell; Pos is the column where its text starts.
type Cell struct {
	Text string `json:"text"`
	Pos  Pos    `json:"pos"`
}

// Annotation is a docs annotation comment: <!-- { "blockType": "...", ... } -->.
type Annotation struct {
	Pos       Pos         `json:"pos"`
	BlockType string      `json:"blockType,omitempty"`
	Value     *Value      `json:"value,omitempty"`  // the parsed object, with key positions
	Issues    []JSONIssue `json:"issues,omitempty"` // syntax tolerated or not
	Raw       string      `json:"-"`
}

// String returns the string value of key, ignoring case of the key.
func (a *Annotation) String(key string) string {
	if a == nil {
		return ""
	}
	if v := a.Value.Get(key); v != nil {
		return v.Text()
	}
	return ""
}

// Bool returns the boolean value of key; "true" as a string counts.
func (a *Annotation) Bool(key string) bool {
	if a == nil {
		return false
	}
	v := a.Value.Get(key)
	if v == nil {
		return false
	}
	return v.Kind == ValueBool && v.Bool || v.Kind == ValueString && equalFold(v.Str, "true")
}

// CodeBlock is a fenced or indented code block.
type CodeBlock struct {
	Pos      Pos    `json:"pos"` // line of the opening fence
	Info     string `json:"info,omitempty"`
	Lines    int    `json:"lines"`           // number of content lines
	Blank    bool   `json:"blank,omitempty"` // only whitespace inside
	Section  string `json:"section,omitempty"`
	HasAnnot bool   `json:"annotated,omitempty"`
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
