//! Saving a diagram: the SVG string as it is drawn, or a PNG at twice its size drawn from
//! it on a canvas (an `<img>` of the SVG as a `data:` URL, which the page's
//! Content-Security-Policy allows; no request leaves the page).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::mailbox::download::download;

/// The last exported file (for the browser tests: `window.__lastExport`).
pub(crate) fn remember(name: &str, text: &str) {
    if let Some(window) = web_sys::window() {
        let record = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&record, &"name".into(), &name.into());
        let _ = js_sys::Reflect::set(&record, &"text".into(), &text.into());
        let _ = js_sys::Reflect::set(&window, &"__lastExport".into(), &record);
    }
}

/// Saves `svg` as `{file}.svg`.
pub fn svg(svg: &str, file: &str) {
    let name = format!("{file}.svg");
    let document = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n");
    remember(&name, &document);
    let _ = download(&name, "image/svg+xml", document.as_bytes());
}

/// Saves `svg` drawn at twice its size as `{file}.png`.
pub fn png(svg: &str, file: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = format!("{file}.png");
    let onload = {
        let image = image.clone();
        Closure::once_into_js(move || {
            let (width, height) = (image.natural_width() * 2, image.natural_height() * 2);
            let Some(canvas) = document
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            else {
                return;
            };
            canvas.set_width(width);
            canvas.set_height(height);
            let Some(context) = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
                &image,
                0.0,
                0.0,
                f64::from(width),
                f64::from(height),
            );
            let Ok(url) = canvas.to_data_url() else {
                return;
            };
            let Some(png) = url
                .strip_prefix("data:image/png;base64,")
                .and_then(|b64| BASE64.decode(b64).ok())
            else {
                return;
            };
            remember(&name, &format!("{width}x{height} {} bytes", png.len()));
            let _ = download(&name, "image/png", &png);
        })
    };
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&format!(
        "data:image/svg+xml;base64,{}",
        BASE64.encode(svg.as_bytes())
    ));
}
