// Photos from a phone camera are 3–12 MB; the visit API takes at most three images of < 2 MB as
// data URLs. Each photo is redrawn on a canvas with its longest side at most 1280 px and sent as JPEG.

export const MAX_PHOTO_EDGE = 1280;
/** The contract's limit on one data URL is 2,000,000 characters; stay below it. */
const MAX_DATA_URL = 1_900_000;

export interface VisitPhoto {
  name: string;
  dataUrl: string;
}

export function scaledSize(width: number, height: number, maxEdge = MAX_PHOTO_EDGE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxEdge) return { width, height };
  const ratio = maxEdge / longest;
  return {
    width: Math.round(width * ratio),
    height: Math.round(height * ratio),
  };
}

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('image'));
    };
    image.src = url;
  });
}

/** A camera or gallery image as a ≤1280 px JPEG data URL (orientation as the browser shows it). */
export async function downscalePhoto(file: File): Promise<VisitPhoto> {
  const image = await loadImage(file);
  const { width, height } = scaledSize(image.naturalWidth, image.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas');
  // JPEG has no transparency: paint white first so PNG screenshots do not turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  let quality = 0.82;
  let dataUrl = canvas.toDataURL('image/jpeg', quality);
  while (dataUrl.length > MAX_DATA_URL && quality > 0.4) {
    quality -= 0.1;
    dataUrl = canvas.toDataURL('image/jpeg', quality);
  }
  const name = (file.name.replace(/\.[^.]*$/, '') || 'photo').slice(0, 90) + '.jpg';
  return { name, dataUrl };
}
