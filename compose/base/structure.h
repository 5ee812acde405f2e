#pragma once
// What an element of the report is, from the source to the display list: the structure a
// screen reader, a table of contents or a tagged PDF needs. Never recovered from a style name.
#include <string>
#include <string_view>

#include "compose/base/id.h"

namespace compose::base {

enum class Role : unsigned char {
    Document,
    Part,         // one language's text in a parallel edition
    TitleBlock,   // series, title, subtitle
    Series,
    Title,
    Subtitle,
    Section,
    Annex,        // a section of the back matter
    Heading,      // with a level (1: a section's heading)
    Paragraph,
    Finding,
    Lead,         // a finding's lead sentence
    Quote,        // a block quote
    Attribution,  // who a block quote is from
    Figure,
    Image,        // a figure's picture
    Caption,
    Table,
    HeaderRow,
    Row,
    HeaderCell,
    Cell,
    Agenda,
    Day,
    Slot,
    Talk,
    Link,
    Person,
    InlineQuote,
    // the authoring blocks to come
    List,
    ListItem,
    Note,
    Box,
    Contents,
    Cover,
};

// Content that is not the document's text: page furniture and drawing.
enum class Artifact : unsigned char {
    RunningHead,
    Folio,
    Rule,         // a table's rules and borders
    Placeholder,  // the box drawn for a missing photo
    RepeatedHeader,  // a table's header row repeated on a later page
};

// An element of the document's structure tree: made by resolve for every block (and by the
// page stage for table rows and cells and for links), referred to by the display list's tags.
struct NodeTag;
using NodeId = Id<NodeTag>;

struct Node {
    NodeId id;
    NodeId parent;          // none: the document's root
    Role role = Role::Document;
    int level = 0;          // headings: 1 for a section's
    std::string lang;       // BCP 47; empty: its parent's
    std::string alt;        // alternative text (figures, images)
};

std::string_view role_name(Role role);
std::string_view artifact_name(Artifact artifact);

}  // namespace compose::base
