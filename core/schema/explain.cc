#include "core/schema/explain.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "core/schema/classify.h"
#include "core/schema/describe.h"

namespace siraya::core::schema::detail {

namespace {

struct Frame;

struct Node {
  std::unique_ptr<Frame> frame;  // a subschema evaluation, or
  const RawError* error = nullptr;  // one reported violation
};

struct Frame {
  std::string path;
  std::vector<std::string> context;
  std::vector<Node> children;
};

struct Branch {
  const Frame* frame = nullptr;  // null for a boolean `false` alternative
};

struct Group {
  std::string combinator;  // "oneOf" / "anyOf"
  std::vector<std::string> context;
  std::vector<Branch> branches;
};

Frame build_tree(const std::vector<RawError>& raw) {
  Frame root;
  std::vector<Frame*> stack{&root};
  for (const auto& e : raw) {
    const std::string& d = e.description;
    if (d.size() >= 2 && d[0] == kMarkerLead && d[1] == kMarkerBegin) {
      auto frame = std::make_unique<Frame>();
      frame->path = d.substr(2);
      frame->context = e.context;
      Frame* raw_frame = frame.get();
      stack.back()->children.push_back(Node{std::move(frame), nullptr});
      stack.push_back(raw_frame);
    } else if (d.size() >= 2 && d[0] == kMarkerLead && d[1] == kMarkerEnd) {
      if (stack.size() > 1) stack.pop_back();
    } else {
      stack.back()->children.push_back(Node{nullptr, &e});
    }
  }
  return root;
}

bool has_prefix(const std::vector<std::string>& context, const std::vector<std::string>& prefix) {
  return context.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), context.begin());
}

class Explainer {
 public:
  explicit Explainer(const SchemaLookup& lookup) : lookup_(lookup) {}

  std::vector<Leaf> frame(const Frame& f) {
    const auto& children = f.children;
    std::vector<bool> consumed(children.size(), false);
    std::map<std::size_t, Group> groups;
    for (std::size_t j = 0; j < children.size(); ++j) {
      if (children[j].error == nullptr) continue;
      Kind kind = classify(children[j].error->description).kind;
      if (kind != Kind::one_of_none && kind != Kind::any_of_none) continue;
      groups[j] = collect_group(f, j, kind, consumed);
    }
    std::vector<Leaf> leaves;
    struct Summary {
      std::vector<std::string> child_context;
      const RawError* error;
    };
    std::vector<Summary> summaries;
    for (std::size_t i = 0; i < children.size(); ++i) {
      if (auto g = groups.find(i); g != groups.end()) {
        append(leaves, group(f, g->second));
        continue;
      }
      if (consumed[i]) continue;
      if (children[i].frame) {
        append(leaves, frame(*children[i].frame));
        continue;
      }
      const RawError& e = *children[i].error;
      Classified c = classify(e.description);
      switch (c.kind) {
        case Kind::branch_marker:
        case Kind::conditional:
          break;  // bookkeeping of allOf / if-then-else: the violations themselves are reported
        case Kind::property_summary:
        case Kind::item_summary: {
          auto child = e.context;
          std::string token = "[" + c.argument + "]";
          if (child.empty() || child.back() != token) child.push_back(token);
          summaries.push_back({std::move(child), &e});
          break;
        }
        case Kind::other_summary:
          summaries.push_back({e.context, &e});
          break;
        default:
          leaves.push_back(Leaf{e.context, e.description, f.path, {}, {}});
      }
    }
    // A summary stands for violations reported inside it; keep it only when none was (a
    // boolean `false` subschema reports nothing itself).
    for (const auto& s : summaries) {
      bool covered = std::any_of(leaves.begin(), leaves.end(), [&s](const Leaf& l) {
        return has_prefix(l.context, s.child_context);
      });
      if (!covered) leaves.push_back(Leaf{s.child_context, s.error->description, f.path, {}, {}});
    }
    return leaves;
  }

 private:
  static void append(std::vector<Leaf>& out, std::vector<Leaf> more) {
    for (auto& l : more) out.push_back(std::move(l));
  }

  // The alternatives of the oneOf/anyOf that failed at children[end]: valijson lists each
  // failed alternative's violations (one subschema frame) followed by "child schema #k",
  // for k = 0..n-1, right before the summary.
  static Group collect_group(const Frame& f, std::size_t end, Kind kind, std::vector<bool>& consumed) {
    const auto& children = f.children;
    Group g;
    g.combinator = kind == Kind::one_of_none ? "oneOf" : "anyOf";
    g.context = children[end].error->context;
    consumed[end] = true;
    std::vector<Branch> reversed;
    std::size_t m = end;
    while (m > 0) {
      const Node& n = children[m - 1];
      if (consumed[m - 1] || n.error == nullptr || n.error->context != g.context) break;
      Classified c = classify(n.error->description);
      if (c.kind != Kind::branch_marker) break;
      consumed[m - 1] = true;
      --m;
      Branch b;
      if (m > 0 && !consumed[m - 1] && children[m - 1].frame &&
          children[m - 1].frame->context == g.context) {
        b.frame = children[m - 1].frame.get();
        consumed[m - 1] = true;
        --m;
      }
      reversed.push_back(b);
      if (c.argument == "0") break;
    }
    g.branches.assign(reversed.rbegin(), reversed.rend());
    return g;
  }

  // A violation that says the value is not of the kind this alternative describes.
  static bool discriminates(const Leaf& leaf, const std::vector<std::string>& context) {
    if (!leaf.alternatives.empty()) return leaf.context == context;
    Kind kind = classify(leaf.description).kind;
    if (kind == Kind::type) return leaf.context == context;
    if (kind == Kind::const_value || kind == Kind::enum_value) {
      return leaf.context == context ||
             (leaf.context.size() == context.size() + 1 && has_prefix(leaf.context, context));
    }
    return false;
  }

  std::vector<Leaf> group(const Frame& f, const Group& g) {
    std::vector<std::vector<Leaf>> meant;
    std::vector<const Leaf*> misses;
    std::vector<std::vector<Leaf>> all(g.branches.size());
    for (std::size_t k = 0; k < g.branches.size(); ++k) {
      if (g.branches[k].frame == nullptr) continue;
      all[k] = frame(*g.branches[k].frame);
      auto miss = std::find_if(all[k].begin(), all[k].end(),
                               [&g](const Leaf& l) { return discriminates(l, g.context); });
      if (miss == all[k].end() && !all[k].empty()) {
        meant.push_back(all[k]);
      } else if (miss != all[k].end()) {
        misses.push_back(&*miss);
      }
    }
    if (!meant.empty()) {
      // Several candidates: the one with the fewest violations is the nearest miss.
      auto best = std::min_element(meant.begin(), meant.end(), [](const auto& a, const auto& b) {
        return a.size() < b.size();
      });
      return std::move(*best);
    }
    Leaf merged;
    merged.context = g.context;
    merged.schema_path = f.path.empty() ? "" : f.path + "/" + g.combinator;
    merged.combinator = g.combinator;
    if (!misses.empty() && misses.size() == g.branches.size()) {
      // Alternatives whose `type` does not fit the value say less than those that fit it and
      // missed on a member (a discriminator): keep the deeper ones when there are any.
      std::size_t deepest = 0;
      for (const Leaf* m : misses) deepest = std::max(deepest, m->context.size());
      std::erase_if(misses, [deepest](const Leaf* m) { return m->context.size() < deepest; });
      bool same_place = true;
      for (const Leaf* m : misses) same_place = same_place && m->context == misses.front()->context;
      if (same_place) {
        merged.context = misses.front()->context;
        for (const Leaf* m : misses) {
          for (auto& accepted : expectation(*m, lookup_)) {
            if (std::find(merged.alternatives.begin(), merged.alternatives.end(), accepted) ==
                merged.alternatives.end()) {
              merged.alternatives.push_back(std::move(accepted));
            }
          }
        }
      }
    }
    return {std::move(merged)};
  }

  const SchemaLookup& lookup_;
};

}  // namespace

std::vector<Leaf> explain(const std::vector<RawError>& raw, const SchemaLookup& lookup) {
  Frame root = build_tree(raw);
  Explainer explainer(lookup);
  return explainer.frame(root);
}

}  // namespace siraya::core::schema::detail
