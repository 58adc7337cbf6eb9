import { Layer, color, picking, project32, type DefaultProps, type LayerProps, type UpdateParameters, type Accessor, type Color, type Position } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

/**
 * Round dots of a fixed size in pixels, one GL point per row (no instancing).
 *
 * Why not deck.gl's ScatterplotLayer: it draws one instanced quad per point, and software WebGL
 * (SwiftShader — what Chromium uses on a PC without a usable GPU, as many office PCs are) pays
 * about 29 µs per instance: a frame of 200,000 imported points took ~5.9 s there, against ~0.8 s
 * for the same points as plain vertices (measured with a bare WebGL page in this repository's
 * Chromium). This layer keeps what the imported layers need from the scatter layer — binary
 * attributes, picking, auto-highlight, the data-filter extension's hooks — and nothing else.
 */
export interface DotLayerProps<D = unknown> extends LayerProps {
  data: unknown;
  getPosition?: Accessor<D, Position>;
  getFillColor?: Accessor<D, Color>;
  getLineColor?: Accessor<D, Color>;
  /** Radius of the fill, in pixels. */
  radiusPixels?: number;
  /** Width of the ring around it, in pixels (0: none). */
  lineWidthPixels?: number;
}

const uniformBlock = /* glsl */ `\
layout(std140) uniform dotsUniforms {
  float radius;
  float lineWidth;
} dots;
`;
const dotsUniforms = {
  name: 'dots',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { radius: 'f32', lineWidth: 'f32' },
} as const satisfies ShaderModule<{ radius: number; lineWidth: number }>;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME dot-layer-vertex-shader
in vec3 positions;
in vec3 positions64Low;
in vec4 fillColors;
in vec4 lineColors;
out vec4 vFill;
out vec4 vLine;
out float vOuter;
out float vInner;
void main(void) {
  geometry.worldPosition = positions;
  geometry.pickingColor = picking_getPickingColorFromIndex(float(gl_VertexID));
  // The filter hooks scale the size (to nothing for a row filtered out).
  vec3 size = vec3(dots.radius + dots.lineWidth);
  DECKGL_FILTER_SIZE(size, geometry);
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vOuter = size.x;
  vInner = size.x - dots.lineWidth;
  // One pixel more than the dot, for its soft edge.
  gl_PointSize = 2.0 * (vOuter + 1.0);
  vFill = vec4(fillColors.rgb, fillColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFill, geometry);
  vLine = vec4(lineColors.rgb, lineColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vLine, geometry);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME dot-layer-fragment-shader
precision highp float;
in vec4 vFill;
in vec4 vLine;
in float vOuter;
in float vInner;
out vec4 fragColor;
void main(void) {
  // Pixels from the dot's centre.
  vec2 p = (gl_PointCoord * 2.0 - 1.0) * (vOuter + 1.0);
  float d = length(p);
  float inside = 1.0 - smoothstep(vOuter - 0.5, vOuter + 0.5, d);
  if (inside == 0.0) discard;
  geometry.uv = p / max(vOuter, 1.0);
  float ring = smoothstep(vInner - 0.5, vInner + 0.5, d);
  fragColor = mix(vFill, vLine, ring);
  fragColor.a *= inside;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

const defaultProps: DefaultProps<DotLayerProps> = {
  getPosition: { type: 'accessor', value: (x: unknown) => (x as { position: Position }).position },
  getFillColor: { type: 'accessor', value: [0, 0, 0, 255] },
  getLineColor: { type: 'accessor', value: [255, 255, 255, 255] },
  radiusPixels: { type: 'number', min: 0, value: 3 },
  lineWidthPixels: { type: 'number', min: 0, value: 0 },
};

export class DotLayer<D = unknown> extends Layer<Required<DotLayerProps<D>>> {
  static override layerName = 'DotLayer';
  static override defaultProps = defaultProps;

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, color, picking, dotsUniforms] });
  }

  override initializeState(): void {
    // Per-vertex attributes ('vertex' step): one point per row.
    this.getAttributeManager()!.add({
      positions: { size: 3, type: 'float64', fp64: this.use64bitPositions(), accessor: 'getPosition' },
      fillColors: { size: 4, type: 'unorm8', accessor: 'getFillColor', defaultValue: [0, 0, 0, 255] },
      lineColors: { size: 4, type: 'unorm8', accessor: 'getLineColor', defaultValue: [255, 255, 255, 255] },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged) {
      (this.state.model as Model | undefined)?.destroy();
      this.setState({ model: this.makeModel() });
      this.getAttributeManager()!.invalidateAll();
    }
    // One point per row: deck.gl sets the count of instanced models only, so it is set here when the data may have changed.
    (this.state.model as Model).setVertexCount(this.getNumInstances());
  }

  override draw(): void {
    const model = this.state.model as Model;
    model.shaderInputs.setProps({ dots: { radius: this.props.radiusPixels, lineWidth: this.props.lineWidthPixels } });
    model.draw(this.context.renderPass);
  }

  private makeModel(): Model {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts({ isInstanced: false }),
      topology: 'point-list',
      isInstanced: false,
      vertexCount: 0,
    });
  }
}
