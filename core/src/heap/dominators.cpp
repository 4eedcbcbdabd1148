// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_analysis.h"
#include "heap/essential_edges.h"

#include <utility>

namespace fanout {

bool isEssentialEdge(const HeapSnapshot& snapshot, std::uint32_t from, std::uint32_t edge) {
    return detail::essentialEdgeType(snapshot.edgeTypeName(edge), from == 0);
}

namespace {

// Lengauer-Tarjan over preorder numbers (0 = the root): the arrays below are indexed by them.
class DominatorBuilder {
public:
    explicit DominatorBuilder(const HeapSnapshot& snapshot)
        : m_snapshot(snapshot), m_essential(snapshot) {}

    HeapDominators build() {
        number();
        const auto count = static_cast<std::uint32_t>(m_vertex.size());
        predecessors();
        release(m_preorder);
        semidominators();
        for (auto* done : {&m_predBegin, &m_preds, &m_label, &m_ancestor, &m_bucketHead,
                           &m_bucketNext, &m_parent}) {
            release(*done);
        }
        // Immediate dominators, in preorder so that a node's dominator is final before it.
        for (std::uint32_t k = 1; k < count; ++k) {
            if (m_idom[k] != m_semi[k]) {
                m_idom[k] = m_idom[m_idom[k]];
            }
        }
        release(m_semi);
        // The answer is allocated once the work arrays are gone: the peak is the larger of the
        // two, not their sum.
        HeapDominators out;
        out.dominator.assign(m_snapshot.nodeCount(), kNoHeapNode);
        out.retained = m_snapshot.selfSize;
        // Retained sizes: children before their dominators (reverse preorder).
        for (std::uint32_t k = count; k-- > 1;) {
            out.retained[m_vertex[m_idom[k]]] += out.retained[m_vertex[k]];
            out.dominator[m_vertex[k]] = m_vertex[m_idom[k]];
        }
        out.reachable = std::move(m_vertex);
        return out;
    }

private:
    static void release(std::vector<std::uint32_t>& v) { std::vector<std::uint32_t>().swap(v); }

    // Depth-first preorder from the root over essential edges.
    void number() {
        const auto nodes = m_snapshot.nodeCount();
        m_preorder.assign(nodes, kNoHeapNode);
        m_preorder[0] = 0;
        m_vertex.push_back(0);
        m_parent.push_back(0);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> stack{{0, m_snapshot.edgesBegin[0]}};
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next == m_snapshot.edgesBegin[node + 1]) {
                stack.pop_back();
                continue;
            }
            const auto edge = next++;
            const auto target = m_snapshot.edgeTarget[edge];
            if (m_preorder[target] != kNoHeapNode || !m_essential(m_snapshot, node, edge)) {
                continue;
            }
            m_preorder[target] = static_cast<std::uint32_t>(m_vertex.size());
            m_parent.push_back(m_preorder[node]);
            m_vertex.push_back(target);
            stack.emplace_back(target, m_snapshot.edgesBegin[target]);
        }
    }

    // The reached predecessors of each reached node, by preorder number (compressed rows).
    template <typename Visit> void forEachReachedEdge(Visit visit) const {
        for (std::uint32_t k = 0; k < m_vertex.size(); ++k) {
            const auto node = m_vertex[k];
            for (auto e = m_snapshot.edgesBegin[node]; e < m_snapshot.edgesBegin[node + 1]; ++e) {
                if (m_essential(m_snapshot, node, e)) {
                    visit(k, m_preorder[m_snapshot.edgeTarget[e]]);
                }
            }
        }
    }

    void predecessors() {
        m_predBegin.assign(m_vertex.size() + 1, 0);
        forEachReachedEdge([&](std::uint32_t, std::uint32_t to) { ++m_predBegin[to + 1]; });
        for (std::size_t k = 1; k < m_predBegin.size(); ++k) {
            m_predBegin[k] += m_predBegin[k - 1];
        }
        m_preds.resize(m_predBegin.back());
        auto fill = m_predBegin;
        forEachReachedEdge(
            [&](std::uint32_t from, std::uint32_t to) { m_preds[fill[to]++] = from; });
    }

    void semidominators() {
        const auto count = static_cast<std::uint32_t>(m_vertex.size());
        m_semi.resize(count);
        m_label.resize(count);
        m_idom.assign(count, 0);
        m_ancestor.assign(count, kNoHeapNode);
        m_bucketHead.assign(count, kNoHeapNode);
        m_bucketNext.assign(count, kNoHeapNode);
        for (std::uint32_t k = 0; k < count; ++k) {
            m_semi[k] = m_label[k] = k;
        }
        for (std::uint32_t w = count; w-- > 1;) {
            for (auto p = m_predBegin[w]; p < m_predBegin[w + 1]; ++p) {
                const auto u = eval(m_preds[p]);
                if (m_semi[u] < m_semi[w]) {
                    m_semi[w] = m_semi[u];
                }
            }
            m_bucketNext[w] = m_bucketHead[m_semi[w]];
            m_bucketHead[m_semi[w]] = w;
            const auto parent = m_parent[w];
            m_ancestor[w] = parent;
            for (auto v = std::exchange(m_bucketHead[parent], kNoHeapNode); v != kNoHeapNode;
                 v = m_bucketNext[v]) {
                const auto u = eval(v);
                m_idom[v] = m_semi[u] < m_semi[v] ? u : parent;
            }
        }
    }

    std::uint32_t eval(std::uint32_t v) {
        if (m_ancestor[v] == kNoHeapNode) {
            return v;
        }
        compress(v);
        return m_label[v];
    }

    // Path compression without recursion: the chain is walked up, then fixed from the top down.
    void compress(std::uint32_t v) {
        m_chain.clear();
        while (m_ancestor[m_ancestor[v]] != kNoHeapNode) {
            m_chain.push_back(v);
            v = m_ancestor[v];
        }
        while (!m_chain.empty()) {
            const auto x = m_chain.back();
            m_chain.pop_back();
            const auto a = m_ancestor[x];
            if (m_semi[m_label[a]] < m_semi[m_label[x]]) {
                m_label[x] = m_label[a];
            }
            m_ancestor[x] = m_ancestor[a];
        }
    }

    const HeapSnapshot& m_snapshot;
    detail::EssentialEdges m_essential;
    std::vector<std::uint32_t> m_preorder; // by node
    std::vector<std::uint32_t> m_vertex;   // by preorder number: the node
    std::vector<std::uint32_t> m_parent;   // the rest by preorder number
    std::vector<std::uint32_t> m_predBegin;
    std::vector<std::uint32_t> m_preds;
    std::vector<std::uint32_t> m_semi;
    std::vector<std::uint32_t> m_label;
    std::vector<std::uint32_t> m_idom;
    std::vector<std::uint32_t> m_ancestor;
    std::vector<std::uint32_t> m_bucketHead;
    std::vector<std::uint32_t> m_bucketNext;
    std::vector<std::uint32_t> m_chain;
};

} // namespace

HeapDominators computeDominators(const HeapSnapshot& snapshot) {
    return DominatorBuilder(snapshot).build();
}

} // namespace fanout
