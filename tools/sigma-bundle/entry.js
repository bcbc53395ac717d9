// The two classes the page script uses, as globals: window.Sigma and window.graphology.Graph.
import Graph from "graphology";
import Sigma from "sigma";

window.graphology = { Graph: Graph };
window.Sigma = Sigma;
