#include "compose/page/tagger.h"

namespace compose::page {

Tagger::Tagger(std::vector<const std::vector<base::Node>*> trees) : trees_(std::move(trees)) {
    for (const auto* tree : trees_) {
        offsets_.push_back(next_);
        next_ += static_cast<std::uint32_t>(tree->size());
    }
}

base::NodeId Tagger::global(std::size_t flow, base::NodeId local) const {
    if (!local || flow >= offsets_.size()) return {};
    return base::NodeId(offsets_[flow] + local.index());
}

void Tagger::define(display::Page& page, base::NodeId id) {
    if (!id) return;
    if (id.index() < defined_.size() && defined_[id.index()]) return;
    // which tree holds it (elements the page stage made are listed by make())
    std::size_t tree = offsets_.size();
    while (tree > 0 && offsets_[tree - 1] > id.index()) --tree;
    if (tree == 0 || id.index() - offsets_[tree - 1] >= trees_[tree - 1]->size()) return;
    --tree;
    base::Node node = (*trees_[tree])[id.index() - offsets_[tree]];
    node.id = id;
    if (node.parent) {
        node.parent = global(tree, node.parent);
    } else if (tree > 0) {
        // a parallel edition: the second language's text is a part of the first's document
        node.parent = base::NodeId(offsets_[0]);
        node.role = base::Role::Part;
    }
    define(page, node.parent);
    if (defined_.size() <= id.index()) defined_.resize(id.index() + 1, false);
    defined_[id.index()] = true;
    page.nodes.push_back(std::move(node));
}

base::NodeId Tagger::make(display::Page& page, base::Role role, base::NodeId parent) {
    base::NodeId id(next_++);
    define(page, parent);
    if (defined_.size() <= id.index()) defined_.resize(id.index() + 1, false);
    defined_[id.index()] = true;
    page.nodes.push_back({id, parent, role, 0, {}, {}});
    return id;
}

void Tagger::enter(display::Page& page, base::NodeId node) {
    if (!node) return close(page);
    if (open_ == Open::Node && open_node_ == node) return;
    close(page);
    define(page, node);
    page.add<display::StructBegin>(display::StructBegin{node});
    open_ = Open::Node;
    open_node_ = node;
}

void Tagger::artifact(display::Page& page, base::Artifact kind) {
    if (open_ == Open::Artifact && open_artifact_ == kind) return;
    close(page);
    page.add<display::ArtifactBegin>(display::ArtifactBegin{kind});
    open_ = Open::Artifact;
    open_artifact_ = kind;
}

void Tagger::close(display::Page& page) {
    if (open_ != Open::None) page.add<display::TagEnd>();
    open_ = Open::None;
}

}  // namespace compose::page
