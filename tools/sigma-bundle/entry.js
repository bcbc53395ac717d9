// What the page script uses, as globals: window.Sigma, window.graphology.Graph, and the sigma
// programs webgl.js draws with (window.SigmaPrograms).
import Graph from "graphology";
import Sigma from "sigma";
import {
  EdgeRectangleProgram,
  NodeCircleProgram,
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  getAttributesItemsCount,
} from "sigma/rendering";

window.graphology = { Graph: Graph };
window.Sigma = Sigma;
window.SigmaPrograms = {
  EdgeRectangleProgram: EdgeRectangleProgram,
  NodeCircleProgram: NodeCircleProgram,
  createEdgeArrowHeadProgram: createEdgeArrowHeadProgram,
  createEdgeClampedProgram: createEdgeClampedProgram,
  createEdgeCompoundProgram: createEdgeCompoundProgram,
  getAttributesItemsCount: getAttributesItemsCount,
};
