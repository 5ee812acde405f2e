#include "compose/base/structure.h"

namespace compose::base {

std::string_view role_name(Role role) {
    switch (role) {
    case Role::Document: return "document";
    case Role::Part: return "part";
    case Role::TitleBlock: return "title-block";
    case Role::Series: return "series";
    case Role::Title: return "title";
    case Role::Subtitle: return "subtitle";
    case Role::Section: return "section";
    case Role::Annex: return "annex";
    case Role::Heading: return "heading";
    case Role::Paragraph: return "paragraph";
    case Role::Finding: return "finding";
    case Role::Lead: return "lead";
    case Role::Quote: return "quote";
    case Role::Attribution: return "attribution";
    case Role::Figure: return "figure";
    case Role::Image: return "image";
    case Role::Caption: return "caption";
    case Role::Table: return "table";
    case Role::HeaderRow: return "header-row";
    case Role::Row: return "row";
    case Role::HeaderCell: return "header-cell";
    case Role::Cell: return "cell";
    case Role::Agenda: return "agenda";
    case Role::Day: return "day";
    case Role::Slot: return "slot";
    case Role::Talk: return "talk";
    case Role::Link: return "link";
    case Role::Person: return "person";
    case Role::InlineQuote: return "inline-quote";
    case Role::List: return "list";
    case Role::ListItem: return "list-item";
    case Role::Note: return "note";
    case Role::Box: return "box";
    case Role::Contents: return "contents";
    case Role::Cover: return "cover";
    }
    return "?";
}

std::string_view artifact_name(Artifact artifact) {
    switch (artifact) {
    case Artifact::RunningHead: return "running-head";
    case Artifact::Folio: return "folio";
    case Artifact::Rule: return "rule";
    case Artifact::Placeholder: return "placeholder";
    case Artifact::RepeatedHeader: return "repeated-header";
    }
    return "?";
}

}  // namespace compose::base
