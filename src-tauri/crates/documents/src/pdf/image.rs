//! A logo on a page: the PNG decoded once per job, added to each document
//! under a fixed id (so the bytes do not change between writes), and drawn
//! scaled to fit a box without distortion.

use super::canvas::Page;
use crate::error::{DocumentError, ErrorExt, Result};
use printpdf::{Op, PdfDocument, Pt, RawImage, XObject, XObjectId, XObjectTransform};

pub struct Logo {
    image: RawImage,
}

impl Logo {
    pub fn decode(png: &[u8]) -> Result<Logo> {
        let image = RawImage::decode_from_bytes(png, &mut Vec::new()).map_err(|e| {
            DocumentError::invalid("logo", format!("the stored logo is damaged: {e}"))
        })?;
        Ok(Logo { image })
    }

    fn id() -> XObjectId {
        XObjectId("Logo".into())
    }

    /// Makes the logo available to the pages of `doc`.
    pub fn attach(&self, doc: &mut PdfDocument) {
        doc.resources
            .xobjects
            .map
            .insert(Self::id(), XObject::Image(self.image.clone()));
    }

    /// The size it prints at inside a `max_w` × `max_h` box, in points.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let (w, h) = (self.image.width as f32, self.image.height as f32);
        let scale = (max_w / w).min(max_h / h);
        (w * scale, h * scale)
    }

    /// Draws the logo into the `max_w` × `max_h` box whose top-left corner
    /// is (left, top); returns the size drawn.
    pub fn draw(
        &self,
        page: &mut Page<'_>,
        left: f32,
        top: f32,
        max_w: f32,
        max_h: f32,
    ) -> (f32, f32) {
        let (w, h) = self.fit(max_w, max_h);
        // At `dpi`, one image pixel is 72/dpi points: choose it so the image is w points wide.
        let dpi = self.image.width as f32 * 72.0 / w;
        page.ops.push(Op::UseXobject {
            id: Self::id(),
            transform: XObjectTransform {
                translate_x: Some(Pt(left)),
                translate_y: Some(Pt(top - h)),
                dpi: Some(dpi),
                ..Default::default()
            },
        });
        (w, h)
    }
}
