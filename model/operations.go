package model

// Operation is one HTTP method documented on a method page, with all the paths it is available at.
type Operation struct {
	// ID is the page path without ".md", plus "#" and the lower-case verb when the page documents several verbs:
	// "api/user-post-users", "api/driveitem-put-content#put".
	ID          string  `json:"id"`
	Page        string  `json:"page"`
	Title       string  `json:"title,omitempty"`
	Description string  `json:"description,omitempty"`
	Method      string  `json:"method"`
	Paths       []*Path `json:"paths"`
	Pos         Pos     `json:"pos"` // the first request line

	Headers []Header `json:"headers,omitempty"`
	// Query is what the page says of OData query options; nil when it says nothing.
	Query       *QueryOptions `json:"query,omitempty"`
	RequestBody *RequestBody  `json:"requestBody,omitempty"`
	Response    Response      `json:"response"`
	// Permissions are the rows of the permissions table; PermissionsInclude the include that stands for it.
	Permissions        []Permission `json:"permissions,omitempty"`
	PermissionsInclude *Include     `json:"permissionsInclude,omitempty"`
	Examples           []*Example   `json:"examples,omitempty"`
}

// Path is one request path template: "/users/{id}/authentication/phoneMethods".
type Path struct {
	// Raw is the path as written, query string included.
	Raw string `json:"raw"`
	// Template is the path without query string, with every parameter written {name} using its normalized name.
	Template string      `json:"template"`
	Query    string      `json:"query,omitempty"`
	Params   []PathParam `json:"params,omitempty"`
	Pos      Pos         `json:"pos"`
}

// ParamKind says where a path parameter sits.
type ParamKind string

const (
	ParamSegment   ParamKind = "segment"    // /users/{id}
	ParamFunction  ParamKind = "function"   // /reports/getX(period='{period}')
	ParamDrivePath ParamKind = "drive-path" // /me/drive/root:/{item-path}:
	ParamQuery     ParamKind = "query"      // ?$filter={x}
	ParamKeyed     ParamKind = "key"        // /users('{id}') or /users/{id} inside a key segment
)

// PathParam is a placeholder in a path. Name is normalized to lowerCamel without spaces or dashes;
// Written is the placeholder text as the docs wrote it.
type PathParam struct {
	Name    string    `json:"name"`
	Written string    `json:"written"`
	Kind    ParamKind `json:"kind"`
	Type    TypeRef   `json:"type"` // from a parameters table if the page has one; Edm.String otherwise
}

// Header is a request header row or an example header line.
type Header struct {
	Name     string `json:"name"`
	Value    string `json:"value"`
	Required bool   `json:"required,omitempty"`
	Pos      Pos    `json:"pos"`
}

// BodyKind says what the request body is.
type BodyKind string

const (
	BodyNone       BodyKind = "none"       // "Do not supply a request body"
	BodyType       BodyKind = "type"       // "supply a JSON representation of [x]"
	BodyParameters BodyKind = "parameters" // a table of parameters, as for actions
	BodyStream     BodyKind = "stream"     // binary content
	BodyUnknown    BodyKind = "unknown"    // a section the parser could not classify
)

// RequestBody is the documented request body.
type RequestBody struct {
	Kind BodyKind `json:"kind"`
	// Type is the resource the body represents, when the prose names one.
	Type *TypeRef `json:"type,omitempty"`
	// Params are the rows of the request-body table: the properties to supply, or the action's parameters.
	Params []*Property `json:"params,omitempty"`
	Pos    Pos         `json:"pos"`
}

// Response is the documented success response.
type Response struct {
	Status int      `json:"status,omitempty"`
	Reason string   `json:"reason,omitempty"`
	Type   *TypeRef `json:"type,omitempty"` // nil when no body; Collection set for collections
	// StatusSource says where Status came from: "prose" (the Response section) or "example".
	StatusSource string `json:"statusSource,omitempty"`
	Pos          Pos    `json:"pos"`
}

// Permission is one row of a permissions table.
type Permission struct {
	Type   string   `json:"type"`   // "Delegated (work or school account)", "Application", ...
	Scopes []string `json:"scopes"` // empty when the cell is empty or says "Not supported."
	Text   string   `json:"text"`   // the cell as written
	Pos    Pos      `json:"pos"`
}

// ExampleKind says which side of an exchange an example shows.
type ExampleKind string

const (
	ExampleRequest        ExampleKind = "request"
	ExampleResponse       ExampleKind = "response"
	ExampleRepresentation ExampleKind = "resource" // a resource page's JSON representation
)

// Example is an HTTP or JSON code block with its annotation.
type Example struct {
	Kind       ExampleKind `json:"kind"`
	Name       string      `json:"name,omitempty"` // the annotation's name
	Annotation *Annotation `json:"annotation,omitempty"`
	Pos        Pos         `json:"pos"` // the first line of the block's content
	Section    string      `json:"section,omitempty"`

	// Request line.
	Method string `json:"method,omitempty"`
	URL    string `json:"url,omitempty"`
	// Status line, as written and as understood.
	StatusLine string `json:"statusLine,omitempty"`
	Status     int    `json:"status,omitempty"`
	Reason     string `json:"reason,omitempty"`
	FirstLine  Pos    `json:"firstLine,omitzero"`

	Headers []Header `json:"headers,omitempty"`

	// Body is the text after the headers, BodyPos its first line. JSON is the body parsed tolerantly (nil when
	// the body is not JSON); JSONIssues what the tolerant parse had to forgive or could not.
	Body       string      `json:"body,omitempty"`
	BodyPos    Pos         `json:"bodyPos,omitzero"`
	JSON       *Value      `json:"json,omitempty"`
	JSONIssues []JSONIssue `json:"jsonIssues,omitempty"`

	// From the annotation.
	ODataType    string `json:"odataType,omitempty"`
	IsCollection bool   `json:"isCollection,omitempty"`
	Truncated    bool   `json:"truncated,omitempty"`
	// Reconstructed is set when the block was recovered from text that lost its fences or braces.
	Reconstructed bool `json:"reconstructed,omitempty"`
}
