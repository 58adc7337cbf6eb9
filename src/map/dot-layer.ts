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
  /** 1 for a hollow dot (a ring in the fill colour: an approximate placement), 0 for a filled one. */
  getHollow?: Accessor<D, number>;
  /** Fill of the filled dots and ring of the hollow ones (RGBA, 0–255): one colour per layer. */
  fillColor?: Color;
  /** Ring of the filled dots. */
  lineColor?: Color;
  /** Radius of the fill, in pixels. */
  radiusPixels?: number;
  /** Width of the ring around it, in pixels (0: none). */
  lineWidthPixels?: number;
}

const uniformBlock = /* glsl */ `\
layout(std140) uniform dotsUniforms {
  vec4 fillColor;
  vec4 lineColor;
  float radius;
  float lineWidth;
} dots;
`;
type DotsUniforms = { fillColor: [number, number, number, number]; lineColor: [number, number, number, number]; radius: number; lineWidth: number };
const dotsUniforms = {
  name: 'dots',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { fillColor: 'vec4<f32>', lineColor: 'vec4<f32>', radius: 'f32', lineWidth: 'f32' },
} as const satisfies ShaderModule<DotsUniforms>;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME dot-layer-vertex-shader
in vec3 positions;
in vec3 positions64Low;
in float hollows;
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
  // A hollow dot is its ring only, in the fill colour.
  bool hollow = hollows > 0.5;
  vFill = vec4(dots.fillColor.rgb, hollow ? 0.0 : dots.fillColor.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFill, geometry);
  vLine = hollow ? vec4(dots.fillColor.rgb, layer.opacity) : vec4(dots.lineColor.rgb, dots.lineColor.a * layer.opacity);
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
  getHollow: { type: 'accessor', value: 0 },
  fillColor: { type: 'color', value: [0, 0, 0, 255] },
  lineColor: { type: 'color', value: [255, 255, 255, 255] },
  radiusPixels: { type: 'number', min: 0, value: 3 },
  lineWidthPixels: { type: 'number', min: 0, value: 0 },
};

/** A 0–255 colour as the shader's 0–1 RGBA. */
function unit(c: Color): [number, number, number, number] {
  return [c[0] / 255, c[1] / 255, c[2] / 255, (c[3] ?? 255) / 255];
}

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
      // A byte per row (the import's own `approx` array): colours are uniforms, so a million rows
      // upload 1 MB here instead of two 4 MB colour arrays built on the main thread.
      // Read as 0.0 or 1.0 (not normalized: 1 would be 1/255).
      hollows: { size: 1, type: 'uint8', accessor: 'getHollow', defaultValue: 0 },
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

  /**
   * Readies the program for this vertex layout and these draw parameters as soon as the attributes
   * are set, between frames, instead of in the draw. luma.gl inspects a program (synchronous calls
   * that wait for everything the GPU has queued) for each new layout and set of parameters; inside
   * a frame, that wait includes the base map drawn before these dots: on a software-drawn map,
   * hundreds of milliseconds. The parameters are the ones deck.gl's draw will set.
   */
  protected override _postUpdate(params: UpdateParameters<this>, forceUpdate: boolean): void {
    super._postUpdate(params, forceUpdate);
    const model = this.state.model as Model;
    model.setParameters({ ...this.context.deck?.props.parameters, ...this.props.parameters });
    model.predraw(this.context.device.commandEncoder);
  }

  override draw(): void {
    const model = this.state.model as Model;
    const { fillColor, lineColor, radiusPixels, lineWidthPixels } = this.props;
    model.shaderInputs.setProps({ dots: { fillColor: unit(fillColor), lineColor: unit(lineColor), radius: radiusPixels, lineWidth: lineWidthPixels } });
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
