//! The playthrough as a tree of choices, so that undo never throws a path away.
//!
//! Each [`Node`] is a point in the playthrough reached by one choice ([`Step`]) from its
//! parent; the root is the start. Nodes keep the step, not the state: a state is
//! re-derived by replaying the steps from the root with the recorded seed, which the
//! engine makes exact. Undo moves to the parent; choosing again from an earlier node
//! adds a sibling branch; jumping moves anywhere. The tree is saved whole in a save
//! file, and [`Timeline::rows`] lays it out for a view, branch by branch.

use serde::{Deserialize, Serialize};

use crate::engine::Step;

/// A node's index in [`Timeline::nodes`]; the root is 0.
pub type NodeId = usize;

/// One point in the playthrough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// The node this one was reached from; `None` only at the root.
    pub parent: Option<NodeId>,
    /// The choice that led here from the parent; `None` only at the root.
    pub step: Option<Step>,
    /// The scene the state is in here, for views (re-derived when a save is loaded).
    pub scene: String,
    /// A fingerprint of the state here (see [`crate::replay::fingerprint`]), so that
    /// `replay --verify` can name the first step whose state differs.
    pub state_hash: u64,
}

/// The tree of every path taken in a playthrough, and where the player is on it.
///
/// Invariants (checked when a save is read): there is a root at 0 with neither parent
/// nor step, every other node has both and its parent comes before it, and `current`
/// is a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TimelineData", into = "TimelineData")]
pub struct Timeline {
    nodes: Vec<Node>,
    current: NodeId,
    fingerprints: Fingerprints,
}

/// How the nodes' `state_hash`es were taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fingerprints {
    /// Over the readable record's RON text ([`crate::replay::fingerprint`]): every save
    /// made before fingerprints were taken from the state, which is why it is the
    /// default when a save does not say.
    #[default]
    Record,
    /// From the stepped state directly ([`crate::engine::fingerprint`]).
    State,
}

/// The serialised form, checked before it becomes a [`Timeline`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename = "Timeline")]
struct TimelineData {
    current: NodeId,
    nodes: Vec<Node>,
    #[serde(default)]
    fingerprints: Fingerprints,
}

/// One line of the laid-out tree, for a timeline view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub node: NodeId,
    /// How many choices lead here from the start.
    pub depth: usize,
    /// How many branch points away from the main line (the current path) this row is.
    pub indent: usize,
    /// Whether this is where the player is now.
    pub current: bool,
    /// Whether the node is on the path from the start to where the player is.
    pub on_path: bool,
    /// How many different choices have been taken from this node.
    pub branches: usize,
}

impl TryFrom<TimelineData> for Timeline {
    type Error = String;

    fn try_from(data: TimelineData) -> Result<Self, String> {
        let Some(root) = data.nodes.first() else {
            return Err("the timeline has no nodes".to_owned());
        };
        if root.parent.is_some() || root.step.is_some() {
            return Err("the timeline's first node is not the start".to_owned());
        }
        for (id, node) in data.nodes.iter().enumerate().skip(1) {
            match (node.parent, &node.step) {
                (Some(parent), Some(_)) if parent < id => {}
                _ => return Err(format!("timeline node {id} has no valid parent and step")),
            }
        }
        if data.current >= data.nodes.len() {
            return Err(format!(
                "the timeline's current node {} does not exist",
                data.current
            ));
        }
        Ok(Self {
            nodes: data.nodes,
            current: data.current,
            fingerprints: data.fingerprints,
        })
    }
}

impl From<Timeline> for TimelineData {
    fn from(t: Timeline) -> Self {
        Self {
            current: t.current,
            nodes: t.nodes,
            fingerprints: t.fingerprints,
        }
    }
}

impl Timeline {
    /// A timeline with only its root, at the scene the playthrough starts in.
    pub fn new(scene: &str, state_hash: u64) -> Self {
        Self {
            nodes: vec![Node {
                parent: None,
                step: None,
                scene: scene.to_owned(),
                state_hash,
            }],
            current: 0,
            fingerprints: Fingerprints::State,
        }
    }

    /// How this timeline's fingerprints were taken.
    pub fn fingerprints(&self) -> Fingerprints {
        self.fingerprints
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// Where the player is.
    pub fn current(&self) -> NodeId {
        self.current
    }

    /// Moves to `id`; false (and no move) if there is no such node.
    pub fn set_current(&mut self, id: NodeId) -> bool {
        let exists = id < self.nodes.len();
        if exists {
            self.current = id;
        }
        exists
    }

    /// The nodes reached directly from `id`, oldest first.
    pub fn children(&self, id: NodeId) -> Vec<NodeId> {
        (0..self.nodes.len())
            .filter(|&n| self.nodes[n].parent == Some(id))
            .collect()
    }

    /// The nodes from the root to `id`, both included; empty if `id` is not a node.
    pub fn path(&self, id: NodeId) -> Vec<NodeId> {
        let mut path = Vec::new();
        let mut at = Some(id).filter(|&n| n < self.nodes.len());
        while let Some(n) = at {
            path.push(n);
            // Parents come before children, so this walk always ends.
            at = self.nodes[n].parent.filter(|&p| p < n);
        }
        path.reverse();
        path
    }

    /// The choices that lead from the root to `id`: the log of the state there.
    pub fn steps(&self, id: NodeId) -> Vec<Step> {
        self.path(id)
            .into_iter()
            .filter_map(|n| self.nodes[n].step.clone())
            .collect()
    }

    /// How many choices lead from the root to `id`.
    pub fn depth(&self, id: NodeId) -> usize {
        self.path(id).len().saturating_sub(1)
    }

    /// The child of `parent` reached by `step`, if that choice was taken before.
    pub fn child_by(&self, parent: NodeId, step: &Step) -> Option<NodeId> {
        (parent + 1..self.nodes.len())
            .find(|&n| self.nodes[n].parent == Some(parent) && self.nodes[n].step.as_ref() == Some(step))
    }

    /// Records `step` taken from `parent` (reusing the node if it was taken before) and
    /// returns the node it leads to. Does not move the current node.
    pub fn add(&mut self, parent: NodeId, step: Step, scene: &str, state_hash: u64) -> NodeId {
        if let Some(existing) = self.child_by(parent, &step) {
            let node = &mut self.nodes[existing];
            node.scene = scene.to_owned();
            node.state_hash = state_hash;
            return existing;
        }
        self.nodes.push(Node {
            parent: Some(parent.min(self.nodes.len() - 1)),
            step: Some(step),
            scene: scene.to_owned(),
            state_hash,
        });
        self.nodes.len() - 1
    }

    /// Records `step` from the current node and moves there.
    pub fn advance(&mut self, step: Step, scene: &str, state_hash: u64) -> NodeId {
        self.current = self.add(self.current, step, scene, state_hash);
        self.current
    }

    /// Renames the scene and step ids of every node (for migrations); the shape of the
    /// tree does not change.
    pub fn rename(&mut self, scene: impl Fn(&str) -> String, step: impl Fn(&Step) -> Step) {
        for node in &mut self.nodes {
            node.scene = scene(&node.scene);
            node.step = node.step.as_ref().map(&step);
        }
    }

    /// The tree laid out for a view: depth-first, the path to the current node as the
    /// main line at indent 0, and every other branch listed right after the node it
    /// leaves from, one indent further in.
    pub fn rows(&self) -> Vec<Row> {
        let mut children: Vec<Vec<NodeId>> = vec![Vec::new(); self.nodes.len()];
        for (id, node) in self.nodes.iter().enumerate() {
            if let Some(parent) = node.parent {
                children[parent].push(id);
            }
        }
        let on_path = self.path(self.current);
        let mut rows = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![(0, 0)];
        while let Some((id, indent)) = stack.pop() {
            let kids = &children[id];
            rows.push(Row {
                node: id,
                depth: self.depth(id),
                indent,
                current: id == self.current,
                on_path: on_path.contains(&id),
                branches: kids.len(),
            });
            let main = kids.iter().position(|k| on_path.contains(k)).unwrap_or(0);
            // Pushed first, popped last: the main line continues after the side branches.
            if let Some(&m) = kids.get(main) {
                stack.push((m, indent));
            }
            for (i, &k) in kids.iter().enumerate().rev() {
                if i != main {
                    stack.push((k, indent + 1));
                }
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(choice: &str) -> Step {
        Step {
            scene: "s".to_owned(),
            choice: choice.to_owned(),
        }
    }

    #[test]
    #[allow(clippy::many_single_char_names)]
    fn choosing_again_from_an_earlier_node_adds_a_branch_and_keeps_the_old_one() {
        let mut t = Timeline::new("s", 0);
        let a = t.advance(step("a"), "s", 1);
        let b = t.advance(step("b"), "s", 2);
        assert!(t.set_current(a));
        let c = t.advance(step("c"), "s", 3);
        assert_eq!(t.children(a), vec![b, c]);
        assert_eq!(t.steps(c), vec![step("a"), step("c")]);
        assert_eq!(t.depth(b), 2);
        // Taking the same choice again reuses the node.
        t.set_current(a);
        assert_eq!(t.advance(step("b"), "s", 2), b);
        assert_eq!(t.nodes().len(), 4);
    }

    #[test]
    #[allow(clippy::many_single_char_names)]
    fn rows_keep_the_current_path_as_the_main_line() {
        let mut t = Timeline::new("s", 0);
        let a = t.advance(step("a"), "s", 1);
        let b = t.advance(step("b"), "s", 2);
        t.set_current(a);
        let c = t.advance(step("c"), "s", 3);
        let d = t.advance(step("d"), "s", 4);
        let layout: Vec<(NodeId, usize)> = t.rows().iter().map(|r| (r.node, r.indent)).collect();
        assert_eq!(layout, vec![(0, 0), (a, 0), (b, 1), (c, 0), (d, 0)]);
        assert!(t.rows().iter().any(|r| r.node == d && r.current));
    }

    #[test]
    fn a_malformed_timeline_is_refused_when_read() {
        let text =
            "Timeline(current: 0, nodes: [Node(parent: Some(1), step: None, scene: \"s\", state_hash: 0)])";
        assert!(ron::from_str::<Timeline>(text).is_err());
        let text =
            "Timeline(current: 5, nodes: [Node(parent: None, step: None, scene: \"s\", state_hash: 0)])";
        assert!(ron::from_str::<Timeline>(text).is_err());
    }
}
