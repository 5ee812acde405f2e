#pragma once
#include "compose/model/document.h"
#include "compose/resolve/resolve.h"

namespace compose::resolve {

// The agenda as a four-column table (time, speaker, title, affiliation): a full-width row per
// day, per slot title, per moderator; a row per talk.
Block agenda_table(const model::Agenda& agenda, const std::string& lang, const base::SourcePos& pos);

}  // namespace compose::resolve
